-- Spotify Tracker schema, version 1.
-- Every instant is timestamptz (stored as UTC). Spotify ids are text (base-62, 22 characters).
-- Catalog rows (artists, albums, tracks) are shared by all accounts; everything a person owns
-- (library, availability, plays, playlists, runs) carries account_id.

-- One row per Spotify user who may use this service. The refresh token is AES-GCM encrypted by
-- the application (key from APP_SECRET); the database never sees it in clear.
create table accounts (
    id                      bigint generated always as identity primary key,
    spotify_user_id         text        not null unique,
    display_name            text,
    role                    text        not null default 'member' check (role in ('owner', 'member')),
    refresh_token_encrypted bytea,
    scopes                  text,
    -- when the user last authorized: Spotify refresh tokens lapse six months after it
    authorized_at           timestamptz,
    needs_sign_in           boolean     not null default false,
    -- set by a rate limit or an exhausted quota: the account's jobs wait until then
    not_before              timestamptz,
    not_before_reason       text,
    time_zone               text,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now()
);
comment on table accounts is 'Spotify users of this service, their encrypted refresh token and their rate-limit state';

-- Spotify users the owner has allowed to sign in (when TRACKER_ALLOWED_USERS is not set).
create table allowed_users (
    spotify_user_id text        primary key,
    allowed_by      bigint      references accounts (id) on delete set null,
    allowed_at      timestamptz not null default now()
);
comment on table allowed_users is 'Spotify user ids the owner invited; Development Mode apps allow five users';

create table artists (
    id         text        primary key,
    name       text        not null,
    updated_at timestamptz not null default now()
);
comment on table artists is 'Catalog: artists of stored albums and tracks, shared by all accounts';

create table albums (
    id           text        primary key,
    name         text        not null,
    album_type   text,
    release_date text,
    total_tracks integer,
    image_url    text,
    updated_at   timestamptz not null default now()
);
comment on table albums is 'Catalog: albums of saved albums, liked tracks and played tracks';

create table album_artists (
    album_id  text     not null references albums (id) on delete cascade,
    position  smallint not null,
    artist_id text     not null references artists (id),
    primary key (album_id, position)
);
create index album_artists_artist on album_artists (artist_id);
comment on table album_artists is 'Catalog: the credited artists of an album, in Spotify''s order';

create table tracks (
    id           text        primary key,
    album_id     text        not null references albums (id),
    name         text        not null,
    disc_number  integer     not null default 1,
    track_number integer     not null default 1,
    duration_ms  integer,
    explicit     boolean,
    isrc         text,
    updated_at   timestamptz not null default now()
);
-- the tracks of a saved album, in album order
create index tracks_album on tracks (album_id, disc_number, track_number);
create index tracks_isrc on tracks (isrc) where isrc is not null;
comment on table tracks is 'Catalog: tracks; a saved album''s tracks are the tracks with its album_id';

create table track_artists (
    track_id  text     not null references tracks (id) on delete cascade,
    position  smallint not null,
    artist_id text     not null references artists (id),
    primary key (track_id, position)
);
create index track_artists_artist on track_artists (artist_id);
comment on table track_artists is 'Catalog: the credited artists of a track, in Spotify''s order';

create table saved_albums (
    account_id bigint      not null references accounts (id) on delete cascade,
    album_id   text        not null references albums (id),
    added_at   timestamptz not null,
    primary key (account_id, album_id)
);
create index saved_albums_added on saved_albums (account_id, added_at desc);
comment on table saved_albums is 'Library: albums an account saved, with when it saved them';

create table liked_tracks (
    account_id bigint      not null references accounts (id) on delete cascade,
    track_id   text        not null references tracks (id),
    added_at   timestamptz not null,
    primary key (account_id, track_id)
);
create index liked_tracks_added on liked_tracks (account_id, added_at desc);
comment on table liked_tracks is 'Library: tracks an account liked (Liked Songs), with when it liked them';

create table track_availability (
    account_id  bigint      not null references accounts (id) on delete cascade,
    track_id    text        not null references tracks (id) on delete cascade,
    -- null: Spotify did not say (unknown counts as playable)
    is_playable boolean,
    reason      text,
    checked_at  timestamptz not null,
    primary key (account_id, track_id)
);
-- the availability job reads the unknown ones, oldest checked first
create index track_availability_unknown on track_availability (account_id, checked_at) where is_playable is null;
comment on table track_availability is 'Whether a track plays in the account''s market, as of checked_at';

create table plays (
    id          bigint      generated always as identity primary key,
    account_id  bigint      not null references accounts (id) on delete cascade,
    track_id    text        not null references tracks (id),
    played_at   timestamptz not null,
    -- null when unknown (recently played does not say how long)
    ms_played   integer,
    source      text        not null check (source in ('recently_played', 'history_import')),
    context_uri text,
    -- polling the same window twice inserts nothing; also serves "plays by account and time"
    constraint plays_account_time_track unique (account_id, played_at, track_id)
);
-- play counts and first/last played per track for the smart playlists and the library page
create index plays_account_track on plays (account_id, track_id, played_at);
comment on table plays is 'Play history; rows are never deleted';

create table excluded_tracks (
    account_id  bigint      not null references accounts (id) on delete cascade,
    -- no foreign key: an exclusion outlives a catalog row removed with the library entry
    track_id    text        not null,
    excluded_at timestamptz not null default now(),
    primary key (account_id, track_id)
);
comment on table excluded_tracks is 'Tracks an account keeps out of every smart playlist';

create table playlist_rules (
    account_id  bigint  not null references accounts (id) on delete cascade,
    slug        text    not null,
    enabled     boolean not null default true,
    track_limit integer not null check (track_limit between 1 and 10000),
    window_days integer check (window_days between 1 and 3650),
    primary key (account_id, slug)
);
comment on table playlist_rules is 'Per account settings of a smart playlist rule; a missing row means the rule''s defaults';

create table playlist_mappings (
    account_id          bigint      not null references accounts (id) on delete cascade,
    slug                text        not null,
    name                text        not null,
    spotify_playlist_id text        not null,
    -- what we last pushed, in order, so the next push can send only the difference
    pushed_track_ids    text[]      not null default '{}',
    pushed_hash         text,
    snapshot_id         text,
    status              text        not null default 'active' check (status in ('active', 'incomplete', 'removed')),
    pushed_at           timestamptz,
    created_at          timestamptz not null default now(),
    primary key (account_id, slug)
);
comment on table playlist_mappings is 'Which Spotify playlist holds each smart playlist, and what was last pushed to it';

create table job_runs (
    id          bigint      generated always as identity primary key,
    job         text        not null,
    account_id  bigint      references accounts (id) on delete cascade,
    trigger     text        not null check (trigger in ('schedule', 'dashboard', 'api')),
    status      text        not null check (status in ('running', 'succeeded', 'failed', 'skipped')),
    started_at  timestamptz not null,
    finished_at timestamptz,
    api_calls   integer     not null default 0,
    items       integer     not null default 0,
    progress_done  integer     not null default 0,
    progress_total integer,
    message     text,
    -- structured results: a possible play gap, per playlist counts
    details     jsonb
);
create index job_runs_recent on job_runs (started_at desc);
create index job_runs_account_job on job_runs (account_id, job, started_at desc);
comment on table job_runs is 'One row per job run: what ran, for whom, how it ended, how many Spotify calls it made';

create table logs (
    id         bigint      generated always as identity primary key,
    run_id     bigint      references job_runs (id) on delete cascade,
    account_id bigint      references accounts (id) on delete cascade,
    at         timestamptz not null,
    level      text        not null check (level in ('DEBUG', 'INFO', 'WARN', 'ERROR')),
    message    text        not null
);
create index logs_recent on logs (at desc);
create index logs_run on logs (run_id, id);
comment on table logs is 'Log lines of job runs, shown and filtered on the dashboard';

-- Spotify calls per minute, for the rolling 24-hour budget shared by all accounts of the app.
create table spotify_calls (
    minute     timestamptz not null,
    account_id bigint      not null references accounts (id) on delete cascade,
    endpoint   text        not null,
    calls      integer     not null,
    primary key (minute, account_id, endpoint)
);
create index spotify_calls_minute on spotify_calls (minute);
comment on table spotify_calls is 'Spotify calls counted per minute, account and endpoint (rolling daily budget)';

-- ShedLock: a scheduled job runs on one instance at a time.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
comment on table shedlock is 'ShedLock locks: a job runs at most once at a time across instances';
