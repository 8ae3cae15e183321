-- Published by library, unchanged in rows and columns: every track has its album and every
-- credit its artist (not null foreign keys), so a left join gives what the inner join gave.
-- PostgreSQL drops a left join to a unique key when no column of it is read, so a query
-- that wants only a track's album_id or artist_id (the stats' distinct albums and
-- artists) no longer joins albums or artists.
create or replace view catalog_tracks as
select t.id as track_id, t.name as track_name, t.album_id, al.name as album_name, al.release_date,
       t.disc_number, t.track_number, t.duration_ms, t.explicit, t.isrc, al.image_url,
       t.album_id like 'stub:%' as is_stub, t.not_found_at
from tracks t
left join albums al on al.id = t.album_id;
comment on view catalog_tracks is 'Published by library: a track''s name, album, position, length and cover, whether it is a stub of an export and whether Spotify no longer knows it';

create or replace view catalog_track_artists as
select ta.track_id, ta.position, ta.artist_id, ar.name as artist_name
from track_artists ta
left join artists ar on ar.id = ta.artist_id;
comment on view catalog_track_artists is 'Published by library: the credited artists of each track, by position';
