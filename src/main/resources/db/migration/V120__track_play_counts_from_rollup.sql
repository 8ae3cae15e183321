-- track_play_counts (V5) counted every play of an account on each read: a rule playlist's
-- preview spent seconds in it. Its figures now come from the rollups PlayRollups keeps in
-- the transaction of every write of plays.

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

-- Per account and track, the first and last play beside the plays and time play_tracks
-- (V100) already keeps, totalled from play_days by PlayRollups in the same statement.
alter table play_tracks
    add column first_played_at timestamptz,
    add column last_played_at  timestamptz;
update play_tracks t set first_played_at = x.first_played_at, last_played_at = x.last_played_at
from (
  select account_id, track_id, min(first_played_at) as first_played_at, max(last_played_at) as last_played_at
  from play_days group by account_id, track_id
) x
where t.account_id = x.account_id and t.track_id = x.track_id;
delete from play_tracks where account_id not in (select account_id from play_rollup_accounts);
alter table play_tracks
    alter column first_played_at set not null,
    alter column last_played_at set not null;
comment on table play_tracks is 'Rollup: counted plays, time, first and last local day and first and last play per account and track';

-- Published by plays, same columns and answers as before: from the rollup for an account
-- that has rollups, from the plays for one that has none yet (an account whose plays
-- came before the rollups and has not changed since). The second half first finds the
-- accounts without rollups (a handful of rows) and only then reads their plays, so it
-- reads no play of an account with rollups: "offset 0" keeps the planner from flattening
-- that look-up into an anti-join that reads every play of the account to drop it.
create or replace view track_play_counts as
select c.account_id, c.track_id, c.plays::bigint as plays, c.first_played_at, c.last_played_at
from play_tracks c
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
