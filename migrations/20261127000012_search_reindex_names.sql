-- A listing's search document holds its category's names and its shop's name (see
-- listings_search_document). Renaming either re-indexes those listings in the same transaction:
-- touching the column makes the document trigger run again on each of them.
create function categories_reindex_listings() returns trigger language plpgsql as $$
begin
    update listings set category_id = category_id where category_id = new.id;
    return null;
end;
$$;
create trigger categories_reindex_listings after update of name_en, name_sw on categories
    for each row when (old.name_en is distinct from new.name_en or old.name_sw is distinct from new.name_sw)
    execute function categories_reindex_listings();

create function vendors_reindex_listings() returns trigger language plpgsql as $$
begin
    update listings set vendor_id = vendor_id where vendor_id = new.id;
    return null;
end;
$$;
create trigger vendors_reindex_listings after update of business_name on vendors
    for each row when (old.business_name is distinct from new.business_name)
    execute function vendors_reindex_listings();
