-- Owned by plays: a fourth rollup, per account and track over all time, kept by PlayRollups
-- with the others (from play_days, in the same transaction). All-time top lists and
-- distinct counts read one row per track instead of one per track and day, and the first
-- day of each track answers "new tracks" and "new artists" of any period.
create table play_tracks (
    account_id bigint  not null references accounts (id) on delete cascade,
    track_id   text    not null,
    plays      integer not null,
    ms         bigint  not null,
    first_day  date    not null,
    last_day   date    not null,
    primary key (account_id, track_id)
);
-- the tracks first played in a period (new tracks)
create index play_tracks_first_day on play_tracks (account_id, first_day);
comment on table play_tracks is 'Rollup: counted plays, time and first and last local day per account and track';

-- rollups built before this one stay valid: total their days
insert into play_tracks (account_id, track_id, plays, ms, first_day, last_day)
select account_id, track_id, sum(plays), sum(ms), min(day), max(day) from play_days group by account_id, track_id;

create view play_track_figures as
select account_id, track_id, plays, ms, first_day, last_day from play_tracks;
comment on view play_track_figures is 'Published by plays: counted plays, time and first and last local day per account and track';

-- The longest session of a period: walked from the longest down, the first that lies in
-- the period answers, instead of reading every session of the account.
create index play_sessions_length on play_sessions (account_id, (ended_at - started_at) desc);
