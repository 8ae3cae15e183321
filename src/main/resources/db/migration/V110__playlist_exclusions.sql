-- Owned by playlist: what an account keeps out of its smart playlists beyond the tracks of
-- excluded_tracks (which stay the tracks kept out of every playlist): albums and artists
-- kept out of every playlist, and tracks, albums and artists kept out of one playlist (a
-- built-in's or a rule playlist's slug; slugs never change). An album keeps out each of its
-- tracks, an artist every track that credits it anywhere.
create table playlist_exclusions (
    account_id  bigint      not null references accounts (id) on delete cascade,
    kind        text        not null check (kind in ('track', 'album', 'artist')),
    spotify_id  text        not null,
    -- null: every smart playlist of the account
    playlist    text,
    excluded_at timestamptz not null default now(),
    -- one row per thing and scope; also the lookup of the queries (account, kind, id)
    constraint playlist_exclusions_once unique nulls not distinct (account_id, kind, spotify_id, playlist),
    -- a track kept out of every playlist is a row of excluded_tracks
    constraint playlist_exclusions_tracks_everywhere check (kind <> 'track' or playlist is not null)
);
comment on table playlist_exclusions is 'Albums and artists kept out of every smart playlist, and tracks, albums and artists kept out of one';
