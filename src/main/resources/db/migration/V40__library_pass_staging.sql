-- What a library list pass has read from Spotify so far, page by page, each page committed on
-- its own: a pass no longer holds a transaction (and a pooled connection) across its Spotify
-- calls and Retry-After waits; only its final merge is one transaction. Unlogged: the rows are
-- scratch, a crash loses only a pass that is lost anyway, and they cost no write-ahead log.
create table library_passes (
    id         bigserial   primary key,
    account_id bigint      not null references accounts (id) on delete cascade,
    list       text        not null,
    started_at timestamptz not null default now()
);
create index library_passes_account on library_passes (account_id, list);
comment on table library_passes is 'Library list passes in flight; their staged pages are in library_pass_entries and library_pass_availability';

create table library_pass_entries (
    pass_id  bigint      not null references library_passes (id) on delete cascade,
    id       text        not null,
    added_at timestamptz not null,
    primary key (pass_id, id)
);
-- the catalog cleanup keeps a staged entry's catalog rows
create index library_pass_entries_id on library_pass_entries (id);
comment on table library_pass_entries is 'Entries (album or track id, added_at) a pass in flight has read';

create table library_pass_availability (
    pass_id     bigint  not null references library_passes (id) on delete cascade,
    track_id    text    not null,
    is_playable boolean,
    reason      text,
    primary key (pass_id, track_id)
);
comment on table library_pass_availability is 'What the pages of a pass in flight said about their tracks'' availability';

-- the referencing tables first: a logged table may not refer to an unlogged one
alter table library_pass_entries set unlogged;
alter table library_pass_availability set unlogged;
alter table library_passes set unlogged;
