-- Read models: views a module publishes so that other modules can ask it questions in SQL
-- without naming its tables. A module's SQL names only its own tables and the views the
-- modules it depends on publish (TableOwnershipTest keeps it so); the owner may change its
-- tables as long as its views keep answering the same question.

-- Published by library: each account's library tracks (liked, or on a saved album), when the
-- like and the album's save happened, when the track entered the library (the earlier of the
-- two), and whether it plays in the account's country (null: Spotify did not say, which
-- counts as playable). A track is on at most one saved album (a track has one album), so
-- each (account, track) appears once. Union all rather than a full join, so that a filter
-- on account_id reaches both halves.
create view library_tracks as
select lt.account_id, lt.track_id, lt.added_at as liked_at, sa.added_at as saved_at,
       least(lt.added_at, sa.added_at) as added_at, av.is_playable
from liked_tracks lt
join tracks t on t.id = lt.track_id
left join saved_albums sa on sa.account_id = lt.account_id and sa.album_id = t.album_id
left join track_availability av on av.account_id = lt.account_id and av.track_id = lt.track_id
union all
select sa.account_id, t.id, null, sa.added_at, sa.added_at, av.is_playable
from saved_albums sa
join tracks t on t.album_id = sa.album_id
left join track_availability av on av.account_id = sa.account_id and av.track_id = t.id
where not exists (select 1 from liked_tracks lt where lt.account_id = sa.account_id and lt.track_id = t.id);
comment on view library_tracks is 'Published by library: per account, its library tracks with liked_at, saved_at, added_at and is_playable';

-- Published by library: what the catalog knows of a track (shared by every account).
create view catalog_tracks as
select t.id as track_id, t.name as track_name, t.album_id, al.name as album_name, al.release_date,
       t.disc_number, t.track_number, t.duration_ms, t.explicit, t.isrc, al.image_url
from tracks t
join albums al on al.id = t.album_id;
comment on view catalog_tracks is 'Published by library: a track''s name, album, position, length and cover';

-- Published by library: the credited artists of a track, in Spotify's order.
create view catalog_track_artists as
select ta.track_id, ta.position, ta.artist_id, ar.name as artist_name
from track_artists ta
join artists ar on ar.id = ta.artist_id;
comment on view catalog_track_artists is 'Published by library: the credited artists of each track, by position';

-- Published by plays: the plays that count (DESIGN.md, "Counting"). Today every stored play
-- counts; hidden, deleted and short imported plays will stay out of this view.
create view counted_plays as
select p.id, p.account_id, p.track_id, p.played_at, p.ms_played, p.source, p.context_uri
from plays p;
comment on view counted_plays is 'Published by plays: the plays that count, one row each';

-- Published by plays: per account and track, how often and when it was played.
create view track_play_counts as
select account_id, track_id, count(*) as plays, min(played_at) as first_played_at,
       max(played_at) as last_played_at
from counted_plays
group by account_id, track_id;
comment on view track_play_counts is 'Published by plays: per account and track, counted plays and the first and last';

-- Owned by playlist: accounts whose smart playlists may have changed since their last push
-- (their library or plays changed), so the cycle pushes them only then.
create table playlists_due (
    account_id bigint      primary key references accounts (id) on delete cascade,
    since      timestamptz not null
);
comment on table playlists_due is 'Accounts whose smart playlists may differ from what was last pushed';
