package dev.spotifytracker.playlist;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds an account's library and plays straight into the test database, with short
 * readable track names: {@code aLibrary(jdbc, "alice").savedAlbum("A", at, "a1", "a2")}.
 * A name becomes a 22-character Spotify-like id by left-padding with zeros, so names must
 * not start with 0.
 */
final class TestLibrary {

	private final JdbcClient jdbc;

	private final AccountId account;

	private final Set<String> albums = new HashSet<>();

	private final Set<String> tracks = new HashSet<>();

	private TestLibrary(JdbcClient jdbc, AccountId account) {
		this.jdbc = jdbc;
		this.account = account;
	}

	static TestLibrary aLibrary(JdbcClient jdbc, String spotifyUserId) {
		long id = jdbc.sql("insert into accounts (spotify_user_id) values (?) returning id")
			.param(spotifyUserId)
			.query(Long.class)
			.single();
		return new TestLibrary(jdbc, new AccountId(id));
	}

	/**
	 * An account with a chosen id, so a cache keyed by account (the Spotify client's
	 * access tokens) never mistakes it for an account of an earlier test.
	 */
	static TestLibrary aLibrary(JdbcClient jdbc, String spotifyUserId, long accountId) {
		jdbc.sql("insert into accounts (id, spotify_user_id) overriding system value values (?, ?)")
			.params(accountId, spotifyUserId)
			.update();
		return new TestLibrary(jdbc, new AccountId(accountId));
	}

	/**
	 * The library of an account that already exists.
	 */
	static TestLibrary of(JdbcClient jdbc, AccountId account) {
		return new TestLibrary(jdbc, account);
	}

	/** Another account on the same catalog. */
	TestLibrary anotherAccount(String spotifyUserId) {
		TestLibrary other = aLibrary(this.jdbc, spotifyUserId);
		other.albums.addAll(this.albums);
		other.tracks.addAll(this.tracks);
		return other;
	}

	AccountId account() {
		return this.account;
	}

	static String id(String name) {
		return "0".repeat(22 - name.length()) + name;
	}

	static List<String> names(List<String> ids) {
		return ids.stream().map((id) -> id.replaceFirst("^0+", "")).toList();
	}

	/**
	 * An album (not saved) with tracks numbered 1, 2, 3... on disc 1.
	 */
	TestLibrary album(String album, String... trackNames) {
		for (int i = 0; i < trackNames.length; i++) {
			track(album, trackNames[i], 1, i + 1);
		}
		return this;
	}

	TestLibrary track(String album, String name, int disc, int number) {
		if (this.albums.add(album)) {
			this.jdbc.sql("insert into albums (id, name) values (?, ?) on conflict do nothing")
				.params(id(album), "Album " + album)
				.update();
		}
		if (this.tracks.add(name)) {
			this.jdbc.sql("""
					insert into tracks (id, album_id, name, disc_number, track_number) values (?, ?, ?, ?, ?)
					on conflict do nothing
					""").params(id(name), id(album), "Track " + name, disc, number).update();
		}
		return this;
	}

	/**
	 * Saves the album (creating it with these tracks when new).
	 */
	TestLibrary savedAlbum(String album, Instant addedAt, String... trackNames) {
		album(album, trackNames);
		this.jdbc.sql("insert into saved_albums (account_id, album_id, added_at) values (?, ?, ?)")
			.params(this.account.value(), id(album), at(addedAt))
			.update();
		return this;
	}

	/**
	 * Likes the track (creating it, in an album of its own name, when new).
	 */
	TestLibrary liked(String track, Instant addedAt) {
		if (!this.tracks.contains(track)) {
			track("al" + track, track, 1, 1);
		}
		this.jdbc.sql("insert into liked_tracks (account_id, track_id, added_at) values (?, ?, ?)")
			.params(this.account.value(), id(track), at(addedAt))
			.update();
		return this;
	}

	TestLibrary played(String track, Instant... playedAt) {
		if (!this.tracks.contains(track)) {
			track("al" + track, track, 1, 1);
		}
		for (Instant instant : playedAt) {
			this.jdbc.sql("""
					insert into plays (account_id, track_id, played_at, source) values (?, ?, ?, 'recently_played')
					""").params(this.account.value(), id(track), at(instant)).update();
		}
		return this;
	}

	/**
	 * @param playable true, false, or null for "Spotify did not say"
	 */
	TestLibrary availability(String track, Boolean playable) {
		this.jdbc.sql("""
				insert into track_availability (account_id, track_id, is_playable, reason, checked_at)
				values (?, ?, ?, ?, now())
				""")
			.params(this.account.value(), id(track), playable, Boolean.FALSE.equals(playable) ? "market" : null)
			.update();
		return this;
	}

	TestLibrary artist(String track, String... artistNames) {
		for (int i = 0; i < artistNames.length; i++) {
			this.jdbc.sql("insert into artists (id, name) values (?, ?) on conflict do nothing")
				.params(id("ar" + artistNames[i].replaceAll("[^A-Za-z0-9]", "")), artistNames[i])
				.update();
			this.jdbc.sql("insert into track_artists (track_id, position, artist_id) values (?, ?, ?)")
				.params(id(track), i, id("ar" + artistNames[i].replaceAll("[^A-Za-z0-9]", "")))
				.update();
		}
		return this;
	}

	/**
	 * Plays the track once, for that long (null: unknown, as recently played says).
	 */
	TestLibrary playedFor(String track, Instant playedAt, Integer msPlayed) {
		if (!this.tracks.contains(track)) {
			track("al" + track, track, 1, 1);
		}
		this.jdbc.sql("""
				insert into plays (account_id, track_id, played_at, ms_played, source) values (?, ?, ?, ?, ?)
				""")
			// A polled play never knows how long it lasted; an imported one always does.
			.params(this.account.value(), id(track), at(playedAt), msPlayed,
					msPlayed == null ? "recently_played" : "history_import")
			.update();
		return this;
	}

	/** Sets what the catalog says of a track: its name, length and explicit flag. */
	TestLibrary details(String track, String name, Integer durationMs, Boolean explicit) {
		this.jdbc.sql("update tracks set name = ?, duration_ms = ?, explicit = ? where id = ?")
			.params(name, durationMs, explicit, id(track))
			.update();
		return this;
	}

	/**
	 * Sets an album's name and release date (as Spotify writes it: 1994, 1994-03 or
	 * 1994-03-01).
	 */
	TestLibrary albumDetails(String album, String name, String releaseDate) {
		this.jdbc.sql("update albums set name = ?, release_date = ? where id = ?")
			.params(name, releaseDate, id(album))
			.update();
		return this;
	}

	private static OffsetDateTime at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
