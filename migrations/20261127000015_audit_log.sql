-- Who did what, to what, from where: one row per admin action (and later per money action),
-- written in the same transaction as the change, so a change and its record commit or vanish
-- together. Rows are never changed or removed: the triggers below refuse it whatever the
-- application does, so the log can be trusted even against a bug or a careless `psql`.
create table audit_log (
    id          bigint generated always as identity primary key,
    at          timestamptz not null default now(),
    actor_id    uuid references users (id),
    actor_role  text not null,
    action      text not null, -- spelled as in `domain::audit::Action`
    object_kind text not null,
    object_id   text not null,
    summary     text not null default '',
    ip          text not null default ''
);
create index audit_log_at on audit_log (at desc, id desc);
create index audit_log_object on audit_log (object_kind, object_id, at desc);
create index audit_log_actor on audit_log (actor_id, at desc);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log rows cannot be changed or deleted' using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();
