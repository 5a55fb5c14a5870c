-- Words sorted by price ("shoes", cheapest first). The cheapest matches of a word can lie
-- anywhere among its matches, so reading them from the text index meant visiting every match
-- (37,000 heap pages for "shoes" at 1M listings, ~75 ms), and walking the price index meant
-- passing every cheaper listing first (216,000 for "shoes"). This index files each word of a
-- listing under its price band as well ('shoes~337'): one band of one word is a short posting
-- list, so a search reads the word's bands cheapest first (an absent band is one entry lookup)
-- and stops once a page is full, having sorted only the matches of the bands it needed.
--
-- A band is 1/32 of a doubling of the price (about 2.2 %), so a band holds few listings of any
-- one word; the band only has to grow with the price (the search relies on nothing else).
create function price_band(price numeric) returns int4
    language sql immutable strict parallel safe
    return floor(ln(greatest(price, 1)::float8) * 32 / ln(2::float8))::int4;

-- Every lexeme of the document with the price band appended. No parser runs over these: the
-- search casts its query text to tsquery directly, so 'shoes~337' stays one lexeme.
create function price_words(doc tsvector, price numeric) returns tsvector
    language sql immutable strict parallel safe
    return array_to_tsvector(array(select lexeme || '~' || price_band(price) from unnest(doc)));

-- An expression index, not a stored column: the listing row (read by every other search) stays
-- as wide as it was.
create index listings_price_words on listings using gin (price_words(search, price))
    with (fastupdate = off) where status = 'approved';
