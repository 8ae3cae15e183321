-- A track Spotify answered 404 for when the enrichment asked about it (an id from an old
-- export that Spotify no longer knows): asked no more, and shown as unavailable.
alter table tracks add column not_found_at timestamptz;
comment on column tracks.not_found_at is 'When GET /tracks/{id} last answered 404 for this id; null while Spotify knows it';

-- Published by library: catalog_tracks gains whether a track is known only from an export
-- (a stub: its album has a synthetic id) and whether Spotify answered 404 for it.
create or replace view catalog_tracks as
select t.id as track_id, t.name as track_name, t.album_id, al.name as album_name, al.release_date,
       t.disc_number, t.track_number, t.duration_ms, t.explicit, t.isrc, al.image_url,
       t.album_id like 'stub:%' as is_stub, t.not_found_at
from tracks t
join albums al on al.id = t.album_id;
comment on view catalog_tracks is 'Published by library: a track''s name, album, position, length and cover, whether it is a stub of an export and whether Spotify no longer knows it';
