-- track_play_counts (V5) counted every play of an account on each read: a rule playlist's
-- preview spent seconds in it. Its figures now come from the rollups PlayRollups keeps in
-- the transaction of every write of plays.
--
-- Written to run before V100 (a new database) as well as after it (a database that has
-- V101 already, with spring.flyway.out-of-order): it names no table of V100 or later, so
-- the per-track counts have a table of their own rather than columns on play_tracks.

-- The first and last end of the plays of each day and track, so a track's first and last
-- play come from its days as its plays and time do.
alter table play_days
    add column first_played_at timestamptz,
    add column last_played_at  timestamptz;

-- Rollups built before: their days learn their instants from the plays, each play on the
-- local day of its start in the zone the rollups were built in (as PlayRollups counts it).
update play_days d set first_played_at = x.first_played_at, last_played_at = x.last_played_at
from (
  select cp.account_id, cp.track_id,
         ((cp.played_at - coalesce(cp.ms_played, ct.duration_ms, 0) * interval '1 millisecond')
           at time zone ra.time_zone)::date as day,
         min(cp.played_at) as first_played_at, max(cp.played_at) as last_played_at
  from counted_plays cp
  join catalog_tracks ct on ct.track_id = cp.track_id
  join play_rollup_accounts ra on ra.account_id = cp.account_id
  group by 1, 2, 3
) x
where d.account_id = x.account_id and d.track_id = x.track_id and d.day = x.day;

-- A day no play explains means rollups that disagree with the plays: that account's
-- rollups are dropped, so it reads the plays until its next change rebuilds them.
delete from play_rollup_accounts
where account_id in (select account_id from play_days where first_played_at is null);
delete from play_days where account_id not in (select account_id from play_rollup_accounts);
delete from play_hours where account_id not in (select account_id from play_rollup_accounts);
delete from play_sessions where account_id not in (select account_id from play_rollup_accounts);

alter table play_days
    alter column first_played_at set not null,
    alter column last_played_at set not null;

-- Per account and track: counted plays and the first and last, for every account with
-- rollups (play_rollup_accounts), totalled from play_days with play_tracks.
create table play_track_counts (
    account_id      bigint      not null references accounts (id) on delete cascade,
    track_id        text        not null,
    plays           integer     not null,
    first_played_at timestamptz not null,
    last_played_at  timestamptz not null,
    primary key (account_id, track_id)
);
comment on table play_track_counts is 'Rollup: counted plays and the first and last played_at per account and track';

insert into play_track_counts (account_id, track_id, plays, first_played_at, last_played_at)
select account_id, track_id, sum(plays), min(first_played_at), max(last_played_at)
from play_days
group by account_id, track_id;

-- Published by plays, same columns and answers as before: from the rollup for an account
-- that has rollups, from the plays for one that has none yet (an account whose plays
-- came before the rollups and has not changed since). The second half first finds the
-- accounts without rollups (a handful of rows) and only then reads their plays, so it
-- reads no play of an account with rollups: "offset 0" keeps the planner from flattening
-- that look-up into an anti-join that reads every play of the account to drop it.
create or replace view track_play_counts as
select c.account_id, c.track_id, c.plays::bigint as plays, c.first_played_at, c.last_played_at
from play_track_counts c
union all
select cp.account_id, cp.track_id, count(*) as plays, min(cp.played_at) as first_played_at,
       max(cp.played_at) as last_played_at
from (
  select a.id from accounts a
  where not exists (select 1 from play_rollup_accounts r where r.account_id = a.id)
  offset 0
) unbuilt
join counted_plays cp on cp.account_id = unbuilt.id
group by cp.account_id, cp.track_id;
comment on view track_play_counts is 'Published by plays: per account and track, counted plays and the first and last';
