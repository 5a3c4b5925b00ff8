-- Sessions get a public id: the account page lists a user's sessions and ends one by this id,
-- never by the token (whose hash is the key). Sessions opened before this migration have no id
-- to show, so they end: their users sign in again once.
delete from sessions;
alter table sessions add column public_id text not null default '';
create unique index sessions_by_public_id on sessions (public_id);
