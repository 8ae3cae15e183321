-- Rollups of the counted plays, owned by plays (PlayRollups keeps them in the transaction
-- of every write of plays) and published to report through the views below. Every bucket
-- takes the play's local START (played_at minus its time) in the account's zone, the zone
-- recorded in play_rollup_accounts when they were built; the report reads them only for
-- that zone. A play's time is ms_played, else its track's length, else zero.

-- which accounts have rollups, and in which zone
create table play_rollup_accounts (
    account_id bigint      primary key references accounts (id) on delete cascade,
    time_zone  text        not null,
    built_at   timestamptz not null default now()
);
comment on table play_rollup_accounts is 'Accounts whose play rollups are built, and the zone of their local days';

-- per account, local day and track
create table play_days (
    account_id  bigint  not null references accounts (id) on delete cascade,
    day         date    not null,
    track_id    text    not null,
    plays       integer not null,
    ms          bigint  not null,
    primary key (account_id, day, track_id)
);
-- the first day of each track (new tracks)
create index play_days_track on play_days (account_id, track_id, day);
comment on table play_days is 'Rollup: counted plays and time per account, local day and track';

-- per account, local day and hour
create table play_hours (
    account_id   bigint   not null references accounts (id) on delete cascade,
    day          date     not null,
    hour         smallint not null,
    plays        integer  not null,
    ms           bigint   not null,
    estimated_ms bigint   not null,
    primary key (account_id, day, hour)
);
comment on table play_hours is 'Rollup: counted plays, time and estimated time per account, local day and hour';

-- listening sessions: a gap of more than 10 minutes between the latest end so far and the
-- next start ends one
create table play_sessions (
    account_id      bigint      not null references accounts (id) on delete cascade,
    started_at      timestamptz not null,
    last_started_at timestamptz not null,
    ended_at        timestamptz not null,
    plays           integer     not null,
    primary key (account_id, started_at)
);
create index play_sessions_end on play_sessions (account_id, ended_at);
comment on table play_sessions is 'Rollup: listening sessions of the counted plays';

-- Published by plays: the rollups, read only for their account's recorded zone.
create view play_rollup_zones as
select account_id, time_zone from play_rollup_accounts;
comment on view play_rollup_zones is 'Published by plays: the zone the play rollups of an account are built in';

create view play_day_figures as
select account_id, day, track_id, plays, ms from play_days;
comment on view play_day_figures is 'Published by plays: counted plays and time per account, local day and track';

create view play_hour_figures as
select account_id, day, hour, plays, ms, estimated_ms from play_hours;
comment on view play_hour_figures is 'Published by plays: counted plays and time per account, local day and hour';

create view play_session_spans as
select account_id, started_at, last_started_at, ended_at, plays from play_sessions;
comment on view play_session_spans is 'Published by plays: listening sessions, first start to latest end';
