-- Carts: a guest's lives in their session (by id), an account's is keyed by the user; at login
-- the guest cart is merged into the account's. Lines remember the price seen when added, so the
-- cart can say when it changed instead of silently charging the new price.

create table carts (
    id         uuid primary key,
    user_id    uuid references users (id) on delete cascade,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create unique index carts_user_key on carts (user_id);
create trigger carts_updated_at before update on carts for each row execute function set_updated_at();

create table cart_items (
    cart_id          uuid not null references carts (id) on delete cascade,
    variant_id       uuid not null references listing_variants (id) on delete cascade,
    quantity         integer not null constraint cart_items_quantity_range check (quantity between 1 and 99),
    price_when_added numeric(14, 2) not null,
    -- Saved for later: kept on the wishlist, not counted in the cart.
    saved            boolean not null default false,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    primary key (cart_id, variant_id)
);
create trigger cart_items_updated_at before update on cart_items for each row execute function set_updated_at();
