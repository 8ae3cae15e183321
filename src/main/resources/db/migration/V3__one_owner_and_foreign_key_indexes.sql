-- At most one owner, even when two first sign-ins race.
create unique index accounts_one_owner on accounts ((true)) where role = 'owner';

-- Indexes on foreign-key columns no other index starts with: removing a catalog row or an
-- account then looks rows up instead of scanning these tables once per row removed.
create index plays_track on plays (track_id);
create index liked_tracks_track on liked_tracks (track_id);
create index saved_albums_album on saved_albums (album_id);
create index track_availability_track on track_availability (track_id);
create index logs_account on logs (account_id);
create index spotify_calls_account on spotify_calls (account_id);
create index allowed_users_allowed_by on allowed_users (allowed_by);
