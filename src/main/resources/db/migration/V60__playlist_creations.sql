-- A playlist creation whose answer has not come back yet. Spotify may have created the
-- playlist even when its answer was lost (a timeout, a dropped connection, a crash), so
-- the next push looks for it by name and description before creating another one.
create table playlist_creations (
    account_id  bigint      not null references accounts (id) on delete cascade,
    slug        text        not null,
    name        text        not null,
    description text,
    started_at  timestamptz not null,
    primary key (account_id, slug)
);
comment on table playlist_creations is 'Playlist creations sent to Spotify whose answer has not been recorded yet';
