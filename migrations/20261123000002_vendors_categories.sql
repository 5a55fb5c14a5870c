-- The marketplace's skeleton: membership tiers, vendors with their staff, and the category tree.
-- The catalog issue adds listings on top of these.

create table membership_tiers (
    code            text primary key,
    name            text not null,
    listing_limit   integer not null constraint membership_tiers_limit_positive check (listing_limit >= 0),
    commission_rate numeric(5, 4) not null
                    constraint membership_tiers_rate_range check (commission_rate >= 0 and commission_rate < 1),
    position        integer not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create trigger membership_tiers_updated_at before update on membership_tiers
    for each row execute function set_updated_at();

insert into membership_tiers (code, name, listing_limit, commission_rate, position) values
    ('aspirant',  'Aspirant',    10, 0.08, 1),
    ('visionary', 'Visionary',   50, 0.06, 2),
    ('legacy',    'Legacy',     200, 0.04, 3),
    ('titan',     'Titan',     1000, 0.00, 4);

create table vendors (
    id                  uuid primary key,
    business_name       text not null constraint vendors_name_length check (char_length(business_name) between 2 and 120),
    slug                text not null constraint vendors_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 60),
    phone               text not null constraint vendors_phone_e164 check (phone ~ '^\+[1-9][0-9]{7,14}$'),
    business_type       text not null,
    description         text not null default '',
    county              text not null,
    town                text not null,
    lat                 double precision not null constraint vendors_lat_range check (lat between -90 and 90),
    lng                 double precision not null constraint vendors_lng_range check (lng between -180 and 180),
    verification_status text not null default 'pending'
                        constraint vendors_status_known check (verification_status in ('pending', 'verified', 'rejected', 'suspended')),
    tier                text not null default 'aspirant' references membership_tiers (code),
    rating              numeric(3, 2) not null default 0 constraint vendors_rating_range check (rating between 0 and 5),
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create unique index vendors_slug_key on vendors (slug);
create trigger vendors_updated_at before update on vendors for each row execute function set_updated_at();

create table vendor_staff (
    vendor_id  uuid not null references vendors (id) on delete cascade,
    user_id    uuid not null references users (id) on delete cascade,
    role       text not null constraint vendor_staff_role_known check (role in ('owner', 'inventory', 'orders', 'accounting')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (vendor_id, user_id)
);
create index vendor_staff_user on vendor_staff (user_id);
create trigger vendor_staff_updated_at before update on vendor_staff for each row execute function set_updated_at();

create table categories (
    id         uuid primary key,
    parent_id  uuid references categories (id),
    slug       text not null constraint categories_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name_en    text not null,
    name_sw    text not null,
    position   integer not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create unique index categories_slug_key on categories (slug);
create index categories_parent on categories (parent_id, position);
create trigger categories_updated_at before update on categories for each row execute function set_updated_at();
