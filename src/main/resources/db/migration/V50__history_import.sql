-- The whole history: imports of Spotify's streaming-history export with every music row they
-- held, plays that learn how long they lasted and why they ended, plays hidden or deleted by
-- their owner (audited), the counting threshold per account, and the gaps the plays poll
-- warned about. Owned by plays.

-- One upload of an export. The upload waits in the data folder while the import runs and is
-- deleted when it ends; a restarted service resumes an import from its last committed batch.
create table imports (
    id              bigint      generated always as identity primary key,
    account_id      bigint      not null references accounts (id) on delete cascade,
    -- the job run that (last) worked on it; no foreign key: runs belong to the job module
    run_id          bigint,
    file_name       text        not null,
    -- where the upload waits while the import runs; null once it is deleted
    stored_path     text,
    status          text        not null default 'queued'
                                check (status in ('queued', 'running', 'succeeded', 'failed')),
    rows_total      bigint,
    rows_read       bigint      not null default 0,
    added           bigint      not null default 0,
    merged          bigint      not null default 0,
    already_known   bigint      not null default 0,
    short_rows      bigint      not null default 0,
    not_music       bigint      not null default 0,
    incognito       bigint      not null default 0,
    unresolved      bigint      not null default 0,
    no_uri          bigint      not null default 0,
    bad_rows        bigint      not null default 0,
    summary         text,
    -- per file outcomes, skipped files, merge offsets: what the import page lists
    details         jsonb,
    created_at      timestamptz not null default now(),
    started_at      timestamptz,
    finished_at     timestamptz
);
create index imports_account on imports (account_id, created_at desc);
comment on table imports is 'Uploads of Spotify''s streaming-history export, their progress and their summary';

-- How far each file of an import got: the rows before rows_done are committed, so a resumed
-- import skips exactly them.
create table import_members (
    import_id  bigint  not null references imports (id) on delete cascade,
    member     text    not null,
    format     text,
    rows_done  integer not null default 0,
    bad_rows   integer not null default 0,
    finished   boolean not null default false,
    broken_at  integer,
    broken     text,
    primary key (import_id, member)
);
comment on table import_members is 'Per file of an import: the rows committed, whether it was read to its end or broke';

-- Every music row of every import, counted or not, without the personal fields (IP address,
-- user name, country, user agent, platform), so the counting rule can change later without a
-- new upload. A row seen in an earlier import of the account is not stored again.
create table import_rows (
    id                bigint      generated always as identity primary key,
    import_id         bigint      not null references imports (id) on delete cascade,
    account_id        bigint      not null references accounts (id) on delete cascade,
    member            text        not null,
    row_index         integer     not null,
    format            text        not null check (format in ('extended', 'account_data')),
    -- Spotify's ts (or endTime): when the stream ended
    ts                timestamptz not null,
    ms_played         integer     not null check (ms_played >= 0),
    -- the Spotify track id from the URI, or the one an account-data row was resolved to
    track_id          text,
    track_name        text,
    artist_name       text,
    album_name        text,
    reason_start      text,
    reason_end        text,
    shuffle           boolean,
    skipped           boolean,
    offline           boolean,
    offline_at        timestamptz,
    incognito         boolean     not null default false,
    -- what the row became: a play added, merged into a polled play, one already stored, or
    -- why it is no play
    outcome           text        not null default 'pending'
                                  check (outcome in ('pending', 'added', 'merged', 'known', 'short', 'incognito',
                                                     'no_uri', 'unresolved')),
    play_id           bigint      references plays (id) on delete set null,
    -- export row ts minus the polled play's played_at, for the merge report
    merge_offset_ms   integer,
    unique (import_id, member, row_index)
);
create unique index import_rows_once on import_rows
    (account_id, format, ts, ms_played, coalesce(track_id, ''), coalesce(track_name, ''), coalesce(artist_name, ''));
create index import_rows_track on import_rows (account_id, track_id) where track_id is not null;
create index import_rows_unresolved on import_rows (account_id) where outcome in ('unresolved', 'short', 'pending');
create index import_rows_play on import_rows (play_id) where play_id is not null;
comment on table import_rows is 'Every music row of the imported exports, counted or not; personal fields are never stored';

-- What an export row tells about a play. export_ts is the ts of the export row the play came
-- from or absorbed, so an export row meets its play again on a re-import.
alter table plays
    add column reason_end text,
    add column skipped    boolean,
    add column shuffle    boolean,
    add column export_ts  timestamptz,
    add column import_id  bigint references imports (id) on delete set null,
    add column hidden_at  timestamptz,
    add column deleted_at timestamptz;
create unique index plays_export_row on plays (account_id, track_id, export_ts) where export_ts is not null;
create index plays_import on plays (import_id) where import_id is not null;
-- the history page: newest first per account
create index plays_account_time on plays (account_id, played_at desc, id desc);
comment on table plays is 'Play history: polled and imported plays; rows are never removed, hidden or deleted ones are flagged';

-- Who hid, deleted or restored which plays, and when.
create table play_curation (
    id         bigint      generated always as identity primary key,
    account_id bigint      not null references accounts (id) on delete cascade,
    -- the Spotify user id of who did it (kept when that account goes)
    actor      text        not null,
    at         timestamptz not null default now(),
    action     text        not null check (action in ('hide', 'unhide', 'delete', 'restore')),
    -- what was chosen: one play, a day, an import
    scope      text        not null,
    plays      integer     not null,
    play_ids   bigint[]    not null
);
create index play_curation_account on play_curation (account_id, at desc);
comment on table play_curation is 'Audit of hidden, deleted and restored plays: who, when, what';

-- The shortest stream that counts as a play, per account (DESIGN.md "Counting").
create table play_settings (
    account_id    bigint  primary key references accounts (id) on delete cascade,
    min_play_ms   integer not null default 30000 check (min_play_ms between 0 and 600000)
);
comment on table play_settings is 'Per account: the shortest imported stream that counts as a play';

-- Possible gaps the plays poll warned about, until imported rows cover them.
create table play_gaps (
    id         bigint      generated always as identity primary key,
    account_id bigint      not null references accounts (id) on delete cascade,
    from_at    timestamptz not null,
    to_at      timestamptz not null,
    found_at   timestamptz not null default now(),
    closed_at  timestamptz,
    closed_by  bigint      references imports (id) on delete set null,
    unique (account_id, from_at, to_at)
);
comment on table play_gaps is 'Stretches of play history the poll may have missed, and the import that closed each';

-- Published by plays: the plays that count (DESIGN.md "Counting"): hidden and deleted plays
-- count nowhere; an imported play counts while it is at least the account's threshold (a
-- polled play counts whatever the export says of it).
create or replace view counted_plays as
select p.id, p.account_id, p.track_id, p.played_at, p.ms_played, p.source, p.context_uri
from plays p
left join play_settings s on s.account_id = p.account_id
where p.hidden_at is null and p.deleted_at is null
  and (p.source = 'recently_played' or p.ms_played >= coalesce(s.min_play_ms, 30000));
comment on view counted_plays is 'Published by plays: the plays that count, one row each';

-- Published by plays: per account and track, the skips the imported history shows: rows
-- Spotify marked skipped, or shorter than the threshold and ended by the forward button.
-- Private-session rows are no evidence of anything.
create or replace view track_skip_counts as
select r.account_id, r.track_id, count(*) as skips
from import_rows r
left join play_settings s on s.account_id = r.account_id
where r.track_id is not null and not r.incognito
  and (r.skipped is true or (r.ms_played < coalesce(s.min_play_ms, 30000) and r.reason_end = 'fwdbtn'))
group by r.account_id, r.track_id;
comment on view track_skip_counts is 'Published by plays: per account and track, the skips of the imported history';

-- A track or artist name as account-data rows are matched a second time: lower-cased, with a
-- trailing "(feat. ...)", "[with ...]" or " - Remastered 2011"-like part taken off (twice, for
-- "Song (feat. X) - Live").
create function plays_title_key(name text) returns text
    language sql immutable parallel safe
    return btrim(regexp_replace(regexp_replace(lower(name),
        '\s*(\(\s*(feat|ft|featuring|with)[.\s][^)]*\)|\[\s*(feat|ft|featuring|with)[.\s][^]]*\]|\s+-\s+.*)$', ''),
        '\s*(\(\s*(feat|ft|featuring|with)[.\s][^)]*\)|\[\s*(feat|ft|featuring|with)[.\s][^]]*\]|\s+-\s+.*)$', ''));
