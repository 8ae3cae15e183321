package dev.spotifytracker.library;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import dev.spotifytracker.spotify.Album;
import dev.spotifytracker.spotify.Artist;
import dev.spotifytracker.spotify.Track;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes catalog rows (artists, albums, tracks and their credits) shared by every
 * account. Each table gets one multi-row upsert per call; rows are sorted by id so two
 * writers lock shared rows in the same order, and unchanged rows are left alone (no new
 * row version, no churn). Joins the caller's transaction, and keeps the catalog cleanup
 * away until it ends. Other modules write through {@link CatalogService}.
 */
@Component
class CatalogWriter {

	private final JdbcClient jdbc;

	CatalogWriter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores full tracks (each carrying its album), for example those of recently played
	 * or of the liked tracks list.
	 */
	void saveTracks(Collection<Track> tracks) {
		write(tracksBatch(tracks), Commit.DURABLE);
	}

	/**
	 * {@link #saveTracks} in a transaction of its own that does not wait for its commit
	 * to reach the disk (see {@link CatalogCommits}).
	 * @return the artist, album and track rows added or changed
	 */
	int saveTracksQuickly(Collection<Track> tracks) {
		return write(tracksBatch(tracks), Commit.QUICK);
	}

	/**
	 * Stores albums with (some of) their tracks, which may be Spotify's simplified ones
	 * (without album), in a transaction of its own that does not wait for its commit to
	 * reach the disk (see {@link CatalogCommits}).
	 * @return the artist, album and track rows added or changed
	 */
	int saveAlbumsQuickly(Collection<AlbumTracks> albums) {
		Batch batch = new Batch();
		for (AlbumTracks entry : albums) {
			batch.album(entry.album());
			for (Track track : entry.tracks()) {
				batch.track(track, entry.album().id());
			}
		}
		return write(batch, Commit.QUICK);
	}

	/**
	 * Stores export-only tracks with a synthetic album (named after the album and its
	 * artist) and a synthetic artist (named after the artist), inserting only what is
	 * missing. Names are compared lower-cased, so "ABBA" and "Abba" make one artist.
	 * @return the stub tracks added
	 */
	int saveStubs(Collection<TrackStub> stubs) {
		Map<String, TrackStub> byId = new TreeMap<>();
		for (TrackStub stub : stubs) {
			byId.putIfAbsent(stub.trackId(), stub);
		}
		if (byId.isEmpty()) {
			return 0;
		}
		List<TrackStub> rows = List.copyOf(byId.values());
		CatalogLock.holdShared(this.jdbc);
		return this.jdbc.sql("""
				with missing as (
				  select n.id, coalesce(n.track_name, 'Unknown track') as track_name,
				         coalesce(n.album_name, 'Unknown album') as album_name,
				         coalesce(n.artist_name, 'Unknown artist') as artist_name
				  from unnest(:ids::text[], :names::text[], :albums::text[], :artists::text[])
				       as n(id, track_name, album_name, artist_name)
				  where not exists (select 1 from tracks t where t.id = n.id)
				), keyed as (
				  select m.*, :prefix || md5(lower(m.artist_name)) as artist_id,
				         :prefix || md5(lower(m.album_name) || chr(31) || lower(m.artist_name)) as album_id
				  from missing m
				), artist_rows as (
				  insert into artists (id, name)
				  select distinct on (artist_id) artist_id, artist_name from keyed order by artist_id
				  on conflict (id) do nothing
				), album_rows as (
				  insert into albums (id, name)
				  select distinct on (album_id) album_id, album_name from keyed order by album_id
				  on conflict (id) do nothing
				), album_credit_rows as (
				  insert into album_artists (album_id, position, artist_id)
				  select distinct on (album_id) album_id, 0, artist_id from keyed order by album_id
				  on conflict (album_id, position) do nothing
				), track_rows as (
				  insert into tracks (id, album_id, name)
				  select id, album_id, track_name from keyed order by id
				  on conflict (id) do nothing
				  returning id
				), track_credit_rows as (
				  insert into track_artists (track_id, position, artist_id)
				  select k.id, 0, k.artist_id from keyed k join track_rows t on t.id = k.id
				  on conflict (track_id, position) do nothing
				)
				select count(*) from track_rows
				""")
			.param("prefix", TrackStub.STUB_PREFIX)
			.param("ids", SqlArrays.column(rows, TrackStub::trackId))
			.param("names", SqlArrays.column(rows, TrackStub::trackName))
			.param("albums", SqlArrays.column(rows, TrackStub::albumName))
			.param("artists", SqlArrays.column(rows, TrackStub::artistName))
			.query(Integer.class)
			.single();
	}

	private static Batch tracksBatch(Collection<Track> tracks) {
		Batch batch = new Batch();
		for (Track track : tracks) {
			if (track.album() == null) {
				throw new IllegalArgumentException("Track " + track.id() + " has no album");
			}
			batch.album(track.album());
			batch.track(track, track.album().id());
		}
		return batch;
	}

	/**
	 * One statement (one round trip) for every table: a sync writes a page at a time, and
	 * a statement per table and page made the database the slowest part of a sync. The
	 * sub-statements touch disjoint rows; foreign keys are checked at its end. Each one
	 * reaches existing rows through an index from the page's ids ({@code = any(...)}),
	 * never by joining a whole table: a join with {@code unnest} was hash-joined against
	 * every credit row on each page. Rows that would not change are left out before the
	 * upsert, which would otherwise lock (and so write) every row of a page it reads
	 * again, as a reconcile does.
	 */
	private int write(Batch batch, Commit commit) {
		if (batch.albums.isEmpty() && batch.tracks.isEmpty()) {
			return 0;
		}
		List<Album> albums = List.copyOf(batch.albums.values());
		List<TrackRow> tracks = List.copyOf(batch.tracks.values());
		List<Artist> artists = List.copyOf(batch.artists.values());
		List<Credit> albumCredits = credits(albums, Album::id, Album::artists);
		List<Credit> trackCredits = credits(tracks, (row) -> row.track().id(), (row) -> row.track().artists());
		return this.jdbc
			.sql("""
					with settings as (
					  select set_config('synchronous_commit', :synchronousCommit, true),
					         pg_advisory_xact_lock_shared(:catalogLock)
					), artist_rows as (
					  insert into artists (id, name)
					  select n.* from unnest(:artistIds::text[], :artistNames::text[]) as n(id, name)
					  where not exists (select 1 from artists a where a.id = n.id and a.name = n.name)
					  on conflict (id) do update set name = excluded.name, updated_at = now()
					  returning 1
					), album_rows as (
					  insert into albums (id, name, album_type, release_date, total_tracks, image_url)
					  select n.* from unnest(:albumIds::text[], :albumNames::text[], :albumTypes::text[], :releaseDates::text[],
					                         :totalTracks::int[], :images::text[])
					                  as n(id, name, album_type, release_date, total_tracks, image_url)
					  where not exists (select 1 from albums a where a.id = n.id
					    and (a.name, a.album_type, a.release_date, a.total_tracks, a.image_url)
					        is not distinct from (n.name, coalesce(n.album_type, a.album_type), coalesce(n.release_date, a.release_date),
					                              coalesce(n.total_tracks, a.total_tracks), coalesce(n.image_url, a.image_url)))
					  on conflict (id) do update set name = excluded.name,
					    album_type = coalesce(excluded.album_type, albums.album_type),
					    release_date = coalesce(excluded.release_date, albums.release_date),
					    total_tracks = coalesce(excluded.total_tracks, albums.total_tracks),
					    image_url = coalesce(excluded.image_url, albums.image_url), updated_at = now()
					  returning 1
					), album_credit_rows as (
					  insert into album_artists (album_id, position, artist_id)
					  select n.* from unnest(:albumCreditOwners::text[], :albumCreditPositions::smallint[], :albumCreditArtists::text[])
					                  as n(album_id, position, artist_id)
					  where not exists (select 1 from album_artists c
					                    where c.album_id = n.album_id and c.position = n.position and c.artist_id = n.artist_id)
					  on conflict (album_id, position) do update set artist_id = excluded.artist_id
					), album_credits_cut as (
					  delete from album_artists c using unnest(:albumIds::text[], :albumCreditCounts::int[]) as n(id, credited)
					  where c.album_id = any(:albumIds::text[]) and c.album_id = n.id and c.position >= n.credited
					), track_rows as (
					  insert into tracks (id, album_id, name, disc_number, track_number, duration_ms, explicit, isrc)
					  select n.* from unnest(:trackIds::text[], :trackAlbums::text[], :trackNames::text[], :discs::int[], :numbers::int[],
					                         :durations::int[], :explicit::boolean[], :isrcs::text[])
					                  as n(id, album_id, name, disc_number, track_number, duration_ms, explicit, isrc)
					  where not exists (select 1 from tracks t where t.id = n.id
					    and (t.album_id, t.name, t.disc_number, t.track_number, t.duration_ms, t.explicit, t.isrc)
					        is not distinct from (n.album_id, n.name, n.disc_number, n.track_number, coalesce(n.duration_ms, t.duration_ms),
					                              coalesce(n.explicit, t.explicit), coalesce(n.isrc, t.isrc)))
					  on conflict (id) do update set album_id = excluded.album_id, name = excluded.name,
					    disc_number = excluded.disc_number, track_number = excluded.track_number,
					    duration_ms = coalesce(excluded.duration_ms, tracks.duration_ms),
					    explicit = coalesce(excluded.explicit, tracks.explicit),
					    isrc = coalesce(excluded.isrc, tracks.isrc), updated_at = now()
					  returning 1
					), track_credit_rows as (
					  insert into track_artists (track_id, position, artist_id)
					  select n.* from unnest(:trackCreditOwners::text[], :trackCreditPositions::smallint[], :trackCreditArtists::text[])
					                  as n(track_id, position, artist_id)
					  where not exists (select 1 from track_artists c
					                    where c.track_id = n.track_id and c.position = n.position and c.artist_id = n.artist_id)
					  on conflict (track_id, position) do update set artist_id = excluded.artist_id
					), track_credits_cut as (
					  delete from track_artists c using unnest(:trackIds::text[], :trackCreditCounts::int[]) as n(id, credited)
					  where c.track_id = any(:trackIds::text[]) and c.track_id = n.id and c.position >= n.credited
					)
					select (select count(*) from artist_rows) + (select count(*) from album_rows)
					       + (select count(*) from track_rows)
					from settings
					""")
			.param("synchronousCommit", (commit == Commit.QUICK) ? "off" : "on")
			.param("catalogLock", CatalogLock.KEY)
			.param("artistIds", SqlArrays.column(artists, Artist::id))
			.param("artistNames", SqlArrays.column(artists, Artist::name))
			.param("albumIds", SqlArrays.column(albums, Album::id))
			.param("albumNames", SqlArrays.column(albums, Album::name))
			.param("albumTypes", SqlArrays.column(albums, Album::albumType))
			.param("releaseDates", SqlArrays.column(albums, Album::releaseDate))
			.param("totalTracks", SqlArrays.column(albums, Album::totalTracks))
			.param("images", SqlArrays.column(albums, Album::imageUrl))
			.param("albumCreditOwners", SqlArrays.column(albumCredits, Credit::ownerId))
			.param("albumCreditPositions", SqlArrays.column(albumCredits, Credit::position))
			.param("albumCreditArtists", SqlArrays.column(albumCredits, Credit::artistId))
			.param("albumCreditCounts", SqlArrays.column(albums, (album) -> credited(album.artists())))
			.param("trackIds", SqlArrays.column(tracks, (row) -> row.track().id()))
			.param("trackAlbums", SqlArrays.column(tracks, TrackRow::albumId))
			.param("trackNames", SqlArrays.column(tracks, (row) -> row.track().name()))
			.param("discs", SqlArrays.column(tracks, (row) -> row.track().discNumber()))
			.param("numbers", SqlArrays.column(tracks, (row) -> row.track().trackNumber()))
			.param("durations", SqlArrays.column(tracks, (row) -> row.track().durationMs()))
			.param("explicit", SqlArrays.column(tracks, (row) -> row.track().explicit()))
			.param("isrcs", SqlArrays.column(tracks, (row) -> row.track().isrc()))
			.param("trackCreditOwners", SqlArrays.column(trackCredits, Credit::ownerId))
			.param("trackCreditPositions", SqlArrays.column(trackCredits, Credit::position))
			.param("trackCreditArtists", SqlArrays.column(trackCredits, Credit::artistId))
			.param("trackCreditCounts", SqlArrays.column(tracks, (row) -> credited(row.track().artists())))
			.query(Integer.class)
			.single();
	}

	private static int credited(List<Artist> artists) {
		return (int) artists.stream().filter((artist) -> artist.id() != null).count();
	}

	private static <T> List<Credit> credits(Collection<T> owners, Function<T, String> id,
			Function<T, List<Artist>> artists) {
		List<Credit> credits = new ArrayList<>();
		for (T owner : owners) {
			List<Artist> credited = artists.apply(owner).stream().filter((artist) -> artist.id() != null).toList();
			for (int i = 0; i < credited.size(); i++) {
				credits.add(new Credit(id.apply(owner), i, credited.get(i).id()));
			}
		}
		return credits;
	}

	/**
	 * Whether a catalog write waits for the disk at commit.
	 */
	private enum Commit {

		/**
		 * Part of a transaction that also stores what cannot be fetched again (plays).
		 */
		DURABLE,

		/**
		 * A transaction of catalog rows only: any of them can be fetched again, and a
		 * later durable commit flushes the log up to it anyway.
		 */
		QUICK

	}

	/**
	 * An album and tracks of it (simplified tracks carry no album of their own).
	 */
	record AlbumTracks(Album album, List<Track> tracks) {

	}

	private record TrackRow(Track track, String albumId) {

	}

	private record Credit(String ownerId, int position, String artistId) {

	}

	/**
	 * One call's rows, deduplicated by id (an upsert may touch a row once) and sorted.
	 */
	private static final class Batch {

		final Map<String, Artist> artists = new TreeMap<>();

		final Map<String, Album> albums = new TreeMap<>();

		final Map<String, TrackRow> tracks = new TreeMap<>();

		void album(Album album) {
			this.albums.put(album.id(), album);
			album.artists().forEach(this::artist);
		}

		void track(Track track, String albumId) {
			this.tracks.put(track.id(), new TrackRow(track, albumId));
			track.artists().forEach(this::artist);
		}

		private void artist(Artist artist) {
			if (artist.id() != null) {
				this.artists.put(artist.id(), artist);
			}
		}

	}

	int markNotFound(Collection<String> trackIds) {
		if (trackIds.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("update tracks set not_found_at = now(), updated_at = now() where id = any(:ids)")
			.param("ids", trackIds.toArray(String[]::new))
			.update();
	}

}
