-- Words within a category ("solar" in Electronics). The text index is (search, category_id),
-- so a top-level category's words were an intersection of each word's posting list with those
-- of every category under it: "solar" within Electronics (which has none) read the lists of
-- its five categories, 257,000 listings, 10 ms at 1M listings, once for the page and once for
-- the exact facet count beside it. This index files each word of a listing under its own
-- category as well ('solar~<category id>'), so a word within a category is one short posting
-- list per category under it, and an absent one is one entry lookup.
--
-- The category is the listing's own (a leaf, usually), so moving a category under another
-- parent, or renaming it, changes nothing here.
create function category_words(doc tsvector, category uuid) returns tsvector
    language sql immutable strict parallel safe
    return array_to_tsvector(array(select lexeme || '~' || category::text from unnest(doc)));

-- An expression index, not a stored column, like the price bands: the listing row stays as
-- wide as it was.
create index listings_category_words on listings using gin (category_words(search, category_id))
    with (fastupdate = off) where status = 'approved';
