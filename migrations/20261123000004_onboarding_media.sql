-- Vendor onboarding (applications, KYC documents, review), stored media, listing photos and
-- physical details, and the moderation trail.

-- The applicant and the review outcome live on the vendor row: one shop per application.
alter table vendors
    add column applicant_id     uuid references users (id),
    add column rejection_reason text,
    add column logo_key         text,
    add column reviewed_at      timestamptz,
    add column reviewed_by      uuid references users (id);
create unique index vendors_applicant_key on vendors (applicant_id);

-- One shop per account keeps "which shop am I acting for" a fact of the session, not a request field.
create unique index vendor_staff_one_shop on vendor_staff (user_id);

-- Content-addressed files: `key` is the SHA-256 of the original bytes, so a re-upload of the
-- same photo stores nothing new. `public` files are served at /media; the rest (KYC documents)
-- only to admins and the shop's owner.
create table media (
    key        text primary key constraint media_key_format check (key ~ '^[0-9a-f]{64}$'),
    mime       text not null,
    bytes      integer not null constraint media_bytes_positive check (bytes > 0),
    width      integer,
    height     integer,
    public     boolean not null,
    created_at timestamptz not null default now()
);

create table vendor_documents (
    id         uuid primary key,
    vendor_id  uuid not null references vendors (id) on delete cascade,
    kind       text not null constraint vendor_documents_kind_known check (kind in ('national_id', 'business_permit', 'kra_pin', 'other')),
    media_key  text not null references media (key),
    file_name  text not null constraint vendor_documents_name_length check (char_length(file_name) between 1 and 200),
    created_at timestamptz not null default now()
);
create index vendor_documents_vendor on vendor_documents (vendor_id, created_at);

alter table listings
    add column weight_grams   integer constraint listings_weight_positive check (weight_grams > 0),
    add column length_cm      numeric(7, 1) constraint listings_length_positive check (length_cm > 0),
    add column width_cm       numeric(7, 1) constraint listings_width_positive check (width_cm > 0),
    add column height_cm      numeric(7, 1) constraint listings_height_positive check (height_cm > 0),
    add column featured       boolean not null default false,
    add column reviewed_at    timestamptz,
    add column reviewed_by    uuid references users (id),
    add column submitted_at   timestamptz;
create index listings_pending on listings (submitted_at, id) where status = 'pending';
create index listings_featured on listings (popularity desc, id) where status = 'approved' and featured;

create table listing_photos (
    listing_id uuid not null references listings (id) on delete cascade,
    media_key  text not null references media (key),
    position   integer not null,
    created_at timestamptz not null default now(),
    primary key (listing_id, media_key)
);
create index listing_photos_order on listing_photos (listing_id, position);

-- A suspended shop's approved listings are held as 'suspended' (hidden from shoppers) and come
-- back as 'approved' when the shop is reinstated, without a second review.
alter table listings drop constraint listings_status_known;
alter table listings add constraint listings_status_known
    check (status in ('draft', 'pending', 'approved', 'rejected', 'archived', 'suspended'));
