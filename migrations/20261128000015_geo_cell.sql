-- Words near a place ("unga" within 50 km of Nairobi). A radius holding many listings is read
-- down the popularity order, testing the words and the distance on each listing
-- (`Radius::RowByRow`): walking the whole catalog's order passed about 6,000 listings, each on
-- its own heap page, to find 25 inside the radius with the word (20-30 ms at 1M listings).
-- Walking the same order within the cells the radius touches (merged, so still in popularity
-- order) passes only listings near the place: about 1,200 there.
--
-- A cell is half a degree of latitude by half a degree of longitude (~55 km at the equator),
-- numbered so that each is one int4. The search computes the same numbers itself
-- (`db::search::geo_cell`).
create function geo_cell(lat float8, lng float8) returns int4
    language sql immutable strict parallel safe
    return (floor(lat * 2) + 180)::int4 * 1000 + (floor(lng * 2) + 360)::int4;

create index listings_cell_popular on listings (geo_cell(lat, lng), popularity desc, id desc)
    where status = 'approved';

-- The facet sample's matches for words near a place: the words' sampled listings within the
-- cells (2,723 sample pages read for the 757 "unga" listings within 50 km of Nairobi).
create index search_sample_cell on search_sample using gin (search, geo_cell(lat, lng))
    with (fastupdate = off) where status = 'approved';
