-- The language a person reads Sokoni in, so notifications reach them in it too. Set at
-- registration from the page's language and changed with the language switch.
alter table users add column locale text not null default 'en'
    constraint users_locale_known check (locale in ('en', 'sw'));
