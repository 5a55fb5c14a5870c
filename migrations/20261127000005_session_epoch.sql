-- Sessions carry the epoch of the login that made them; a password change moves it on, so
-- every other session of the account ends at once.
alter table users add column session_epoch integer not null default 0;
