-- The stats for a viewer in another zone than the one the rollups are built in, and the
-- top lists and distinct counts of albums and artists.

-- Per quarter of each rollup hour, the plays and time that start in it (owned by plays,
-- kept by PlayRollups in the statement that writes the hour). A viewer whose offset
-- differs from the rollups' zone by a whole number of quarter hours (Kolkata, half an
-- hour off; Kathmandu, three quarters) gets days, clock cells and series from the hours
-- instead of reading every play.
alter table play_hours
    add column plays_q integer[],
    add column ms_q    bigint[];

-- Rollups built before: their hours learn their quarters from the plays, each play on the
-- local quarter of its start in the zone the rollups were built in (as PlayRollups counts it).
update play_hours h set plays_q = x.plays_q, ms_q = x.ms_q
from (
  select s.account_id, s.local_start::date as day, extract(hour from s.local_start)::smallint as hour,
         array[count(*) filter (where s.quarter = 0), count(*) filter (where s.quarter = 1),
               count(*) filter (where s.quarter = 2), count(*) filter (where s.quarter = 3)]::integer[] as plays_q,
         array[coalesce(sum(s.ms) filter (where s.quarter = 0), 0), coalesce(sum(s.ms) filter (where s.quarter = 1), 0),
               coalesce(sum(s.ms) filter (where s.quarter = 2), 0), coalesce(sum(s.ms) filter (where s.quarter = 3), 0)]::bigint[] as ms_q
  from (
    select t.account_id, t.ms, t.local_start, extract(minute from t.local_start)::integer / 15 as quarter
    from (
      select cp.account_id, coalesce(cp.ms_played, ct.duration_ms, 0)::bigint as ms,
             (cp.played_at - coalesce(cp.ms_played, ct.duration_ms, 0) * interval '1 millisecond')
               at time zone ra.time_zone as local_start
      from counted_plays cp
      join catalog_tracks ct on ct.track_id = cp.track_id
      join play_rollup_accounts ra on ra.account_id = cp.account_id
    ) t
  ) s
  group by 1, 2, 3
) x
where h.account_id = x.account_id and h.day = x.day and h.hour = x.hour;

-- An hour no play explains means rollups that disagree with the plays: that account's
-- rollups are dropped, so it reads the plays until its next change rebuilds them.
delete from play_rollup_accounts
where account_id in (select account_id from play_hours where plays_q is null);
delete from play_days where account_id not in (select account_id from play_rollup_accounts);
delete from play_hours where account_id not in (select account_id from play_rollup_accounts);
delete from play_sessions where account_id not in (select account_id from play_rollup_accounts);
delete from play_tracks where account_id not in (select account_id from play_rollup_accounts);

alter table play_hours
    alter column plays_q set not null,
    alter column ms_q set not null,
    add constraint play_hours_quarters check (cardinality(plays_q) = 4 and cardinality(ms_q) = 4);
comment on table play_hours is 'Rollup: counted plays, time and estimated time per account, local day and hour, and the plays and time of each quarter of the hour';

create or replace view play_hour_figures as
select account_id, day, hour, plays, ms, estimated_ms, plays_q, ms_q from play_hours;
comment on view play_hour_figures is 'Published by plays: counted plays and time per account, local day and hour, and per quarter of the hour (plays_q, ms_q: [1] from minute 0, [4] from minute 45)';

-- Owned by library, for the stats (report): the album and the artists of many tracks at a
-- time are read from these indexes alone, in track order, instead of from the tables.
create index tracks_id_album on tracks (id) include (album_id);
create index track_artists_track on track_artists (track_id) include (artist_id);
