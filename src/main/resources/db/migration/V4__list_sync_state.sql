-- What the last full pass of each stored list found. Spotify's total can differ from the stored
-- count for good (two liked tracks relinked to one track id, an entry whose track Spotify no longer
-- returns): an incremental pass accepts that same gap instead of reading the whole list every cycle.
create table list_sync_state (
    account_id         bigint      not null references accounts (id) on delete cascade,
    list               text        not null check (list in ('saved_albums', 'liked_tracks')),
    full_pass_total    integer     not null,
    full_pass_stored   integer     not null,
    full_pass_at       timestamptz not null,
    primary key (account_id, list)
);
comment on table list_sync_state is 'Per account and list: Spotify''s total and the stored count after the last full pass';
