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
 * away until it ends.
 *
 * <p>
 * Public for the plays module, which stores the tracks of new plays before the plays
 * themselves (foreign keys).
 */
@Component
public class CatalogWriter {

	private final JdbcClient jdbc;

	CatalogWriter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores full tracks (each carrying its album), for example those of recently played
	 * or of the liked tracks list.
	 */
	public void saveTracks(Collection<Track> tracks) {
		Batch batch = new Batch();
		for (Track track : tracks) {
			if (track.album() == null) {
				throw new IllegalArgumentException("Track " + track.id() + " has no album");
			}
			batch.album(track.album());
			batch.track(track, track.album().id());
		}
		write(batch);
	}

	/**
	 * Stores albums with (some of) their tracks; the tracks may be Spotify's simplified
	 * ones, without album.
	 */
	void saveAlbums(Collection<AlbumTracks> albums) {
		Batch batch = new Batch();
		for (AlbumTracks entry : albums) {
			batch.album(entry.album());
			for (Track track : entry.tracks()) {
				batch.track(track, entry.album().id());
			}
		}
		write(batch);
	}

	private void write(Batch batch) {
		CatalogLock.holdShared(this.jdbc);
		if (!batch.artists.isEmpty()) {
			writeArtists(batch.artists.values());
		}
		if (!batch.albums.isEmpty()) {
			writeAlbums(batch.albums.values());
			writeCredits("album_artists", "album_id", credits(batch.albums.values(), Album::id, Album::artists));
		}
		if (!batch.tracks.isEmpty()) {
			writeTracks(batch.tracks.values());
			writeCredits("track_artists", "track_id",
					credits(batch.tracks.values(), (row) -> row.track().id(), (row) -> row.track().artists()));
		}
	}

	private void writeArtists(Collection<Artist> artists) {
		this.jdbc.sql("""
				insert into artists (id, name)
				select * from unnest(:ids::text[], :names::text[])
				on conflict (id) do update set name = excluded.name, updated_at = now()
				where artists.name is distinct from excluded.name
				""")
			.param("ids", SqlArrays.column(artists, Artist::id))
			.param("names", SqlArrays.column(artists, Artist::name))
			.update();
	}

	private void writeAlbums(Collection<Album> albums) {
		this.jdbc
			.sql("""
					insert into albums (id, name, album_type, release_date, total_tracks, image_url)
					select * from unnest(:ids::text[], :names::text[], :types::text[], :dates::text[], :totals::int[],
					                     :images::text[])
					on conflict (id) do update set name = excluded.name,
					  album_type = coalesce(excluded.album_type, albums.album_type),
					  release_date = coalesce(excluded.release_date, albums.release_date),
					  total_tracks = coalesce(excluded.total_tracks, albums.total_tracks),
					  image_url = coalesce(excluded.image_url, albums.image_url),
					  updated_at = now()
					where (albums.name, albums.album_type, albums.release_date, albums.total_tracks, albums.image_url)
					  is distinct from (excluded.name, coalesce(excluded.album_type, albums.album_type),
					    coalesce(excluded.release_date, albums.release_date),
					    coalesce(excluded.total_tracks, albums.total_tracks), coalesce(excluded.image_url, albums.image_url))
					""")
			.param("ids", SqlArrays.column(albums, Album::id))
			.param("names", SqlArrays.column(albums, Album::name))
			.param("types", SqlArrays.column(albums, Album::albumType))
			.param("dates", SqlArrays.column(albums, Album::releaseDate))
			.param("totals", SqlArrays.column(albums, Album::totalTracks))
			.param("images", SqlArrays.column(albums, Album::imageUrl))
			.update();
	}

	private void writeTracks(Collection<TrackRow> tracks) {
		this.jdbc.sql("""
				insert into tracks (id, album_id, name, disc_number, track_number, duration_ms, explicit, isrc)
				select * from unnest(:ids::text[], :albums::text[], :names::text[], :discs::int[], :numbers::int[],
				                     :durations::int[], :explicit::boolean[], :isrcs::text[])
				on conflict (id) do update set album_id = excluded.album_id, name = excluded.name,
				  disc_number = excluded.disc_number, track_number = excluded.track_number,
				  duration_ms = coalesce(excluded.duration_ms, tracks.duration_ms),
				  explicit = coalesce(excluded.explicit, tracks.explicit),
				  isrc = coalesce(excluded.isrc, tracks.isrc), updated_at = now()
				where (tracks.album_id, tracks.name, tracks.disc_number, tracks.track_number, tracks.duration_ms,
				       tracks.explicit, tracks.isrc)
				  is distinct from (excluded.album_id, excluded.name, excluded.disc_number, excluded.track_number,
				    coalesce(excluded.duration_ms, tracks.duration_ms), coalesce(excluded.explicit, tracks.explicit),
				    coalesce(excluded.isrc, tracks.isrc))
				""")
			.param("ids", SqlArrays.column(tracks, (row) -> row.track().id()))
			.param("albums", SqlArrays.column(tracks, TrackRow::albumId))
			.param("names", SqlArrays.column(tracks, (row) -> row.track().name()))
			.param("discs", SqlArrays.column(tracks, (row) -> row.track().discNumber()))
			.param("numbers", SqlArrays.column(tracks, (row) -> row.track().trackNumber()))
			.param("durations", SqlArrays.column(tracks, (row) -> row.track().durationMs()))
			.param("explicit", SqlArrays.column(tracks, (row) -> row.track().explicit()))
			.param("isrcs", SqlArrays.column(tracks, (row) -> row.track().isrc()))
			.update();
	}

	/**
	 * Replaces the credits of the given owners (albums or tracks): upserts each position,
	 * then drops positions past the new list's end.
	 */
	private void writeCredits(String table, String ownerColumn, List<Credit> credits) {
		List<Credit> rows = credits.stream().filter((credit) -> credit.artistId() != null).toList();
		if (!rows.isEmpty()) {
			this.jdbc.sql("""
					insert into %1$s (%2$s, position, artist_id)
					select * from unnest(:owners::text[], :positions::smallint[], :artists::text[])
					on conflict (%2$s, position) do update set artist_id = excluded.artist_id
					where %1$s.artist_id <> excluded.artist_id
					""".formatted(table, ownerColumn))
				.param("owners", SqlArrays.column(rows, Credit::ownerId))
				.param("positions", SqlArrays.column(rows, Credit::position))
				.param("artists", SqlArrays.column(rows, Credit::artistId))
				.update();
		}
		Map<String, Integer> counts = new TreeMap<>();
		for (Credit credit : credits) {
			counts.merge(credit.ownerId(), (credit.artistId() != null) ? 1 : 0, Integer::sum);
		}
		this.jdbc.sql("""
				delete from %1$s c using unnest(:owners::text[], :counts::int[]) as n(owner_id, credited)
				where c.%2$s = n.owner_id and c.position >= n.credited
				""".formatted(table, ownerColumn))
			.param("owners", SqlArrays.of(counts.keySet()))
			.param("counts", SqlArrays.column(counts.values(), (count) -> count))
			.update();
	}

	private static <T> List<Credit> credits(Collection<T> owners, Function<T, String> id,
			Function<T, List<Artist>> artists) {
		List<Credit> credits = new ArrayList<>();
		for (T owner : owners) {
			List<Artist> credited = artists.apply(owner).stream().filter((artist) -> artist.id() != null).toList();
			if (credited.isEmpty()) {
				// no artist row, but the owner's old credits must still go
				credits.add(new Credit(id.apply(owner), 0, null));
			}
			for (int i = 0; i < credited.size(); i++) {
				credits.add(new Credit(id.apply(owner), i, credited.get(i).id()));
			}
		}
		return credits;
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

}
