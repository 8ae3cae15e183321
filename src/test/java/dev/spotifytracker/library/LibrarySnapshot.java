package dev.spotifytracker.library;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.fake.SimAvailability;
import dev.spotifytracker.spotify.fake.SimLikedTrack;
import dev.spotifytracker.spotify.fake.SimSavedAlbum;
import dev.spotifytracker.spotify.fake.SimTrack;
import dev.spotifytracker.spotify.fake.SimulatedUser;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An account's library in comparable form: from the simulator (what Spotify says) or from
 * the database (what we stored). Equal snapshots mean the sync is exact.
 *
 * @param savedAlbums album id to added_at
 * @param albumTracks saved album id to its track ids
 * @param likedTracks track id to added_at
 * @param availability library track id to "true", "false:reason" or "unknown"
 */
record LibrarySnapshot(Map<String, Instant> savedAlbums, Map<String, Set<String>> albumTracks,
		Map<String, Instant> likedTracks, Map<String, String> availability) {

	static LibrarySnapshot of(SimulatedUser user) {
		Map<String, Instant> saved = new TreeMap<>();
		Map<String, Set<String>> albumTracks = new TreeMap<>();
		Set<String> libraryTracks = new HashSet<>();
		for (SimSavedAlbum entry : user.savedAlbums()) {
			saved.put(entry.album().id(), entry.addedAt());
			Set<String> ids = new TreeSet<>();
			entry.album().tracks().stream().map(SimTrack::id).forEach(ids::add);
			albumTracks.put(entry.album().id(), ids);
			libraryTracks.addAll(ids);
		}
		Map<String, Instant> liked = new TreeMap<>();
		for (SimLikedTrack entry : user.likedTracks()) {
			liked.put(entry.track().id(), entry.addedAt());
			libraryTracks.add(entry.track().id());
		}
		Map<String, String> availability = new TreeMap<>();
		for (String track : libraryTracks) {
			availability.put(track, state(user.availability(track)));
		}
		return new LibrarySnapshot(saved, albumTracks, liked, availability);
	}

	static LibrarySnapshot stored(JdbcClient jdbc, AccountId account) {
		Map<String, Instant> saved = new TreeMap<>();
		jdbc.sql("select album_id, added_at from saved_albums where account_id = ?")
			.param(account.value())
			.query((rs, row) -> saved.put(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.list();
		Map<String, Set<String>> albumTracks = new TreeMap<>();
		saved.keySet().forEach((album) -> albumTracks.put(album, new TreeSet<>()));
		jdbc.sql("""
				select t.album_id, t.id from tracks t join saved_albums s on s.album_id = t.album_id
				where s.account_id = ?
				""")
			.param(account.value())
			.query((rs, row) -> albumTracks.get(rs.getString(1)).add(rs.getString(2)))
			.list();
		Map<String, Instant> liked = new TreeMap<>();
		jdbc.sql("select track_id, added_at from liked_tracks where account_id = ?")
			.param(account.value())
			.query((rs, row) -> liked.put(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.list();
		Map<String, String> availability = new TreeMap<>();
		jdbc.sql("select track_id, is_playable, reason from track_availability where account_id = ?")
			.param(account.value())
			.query((rs, row) -> availability.put(rs.getString(1),
					state(new SimAvailability((Boolean) rs.getObject(2), rs.getString(3)))))
			.list();
		return new LibrarySnapshot(saved, albumTracks, liked, availability);
	}

	private static String state(SimAvailability availability) {
		if (availability.playable() == null) {
			return "unknown";
		}
		return availability.playable() ? "true" : "false:" + availability.reason();
	}

	/**
	 * Spotify calls a first full sync may make at most: a page per 50 saved albums and
	 * per 50 liked tracks, the extra pages of albums over 50 tracks, and recently played
	 * (no {@code /me}: the sync does not need it).
	 */
	static int firstSyncBound(SimulatedUser user) {
		return pages(user.savedAlbums().size()) + pages(user.likedTracks().size()) + extraAlbumPages(user.savedAlbums())
				+ 1;
	}

	static int extraAlbumPages(List<SimSavedAlbum> albums) {
		return albums.stream().mapToInt((saved) -> Math.max(0, pages(saved.album().tracks().size()) - 1)).sum();
	}

	static int pages(int entries) {
		return (entries + 49) / 50;
	}

}
