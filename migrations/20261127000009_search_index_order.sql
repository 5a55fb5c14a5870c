-- The ordered indexes run the way the queries read them: searches and shelves order by
-- `popularity desc, id desc` (and `created_at desc, id desc`), and with `id` ascending in the
-- index PostgreSQL had to sort each group of equal popularity instead of reading a page off
-- the index.
drop index listings_popular;
create index listings_popular on listings (popularity desc, id desc) where status = 'approved';
drop index listings_newest;
create index listings_newest on listings (created_at desc, id desc) where status = 'approved';
drop index listings_category;
create index listings_category on listings (category_id, popularity desc, id desc) where status = 'approved';
drop index listings_featured;
create index listings_featured on listings (popularity desc, id desc) where status = 'approved' and featured;

-- Searches never scan a pending list: without fastupdate every change goes into the GIN index
-- at once (the views flush changes popularity every 30 s, and each such update used to land in
-- the pending list that every text search then read in full until autovacuum merged it).
alter index listings_search set (fastupdate = off);
