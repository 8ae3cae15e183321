package dev.spotifytracker.support;

import java.sql.Timestamp;
import java.time.Instant;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes a small library straight into the test database for the page tests. A name
 * becomes a 22-character Spotify-like id ({@link #id}), so a test can use names only.
 */
public final class LibraryFixture {

	private final JdbcClient jdbc;

	private final AccountId account;

	private LibraryFixture(JdbcClient jdbc, AccountId account) {
		this.jdbc = jdbc;
		this.account = account;
	}

	public static LibraryFixture of(JdbcClient jdbc, AccountId account) {
		return new LibraryFixture(jdbc, account);
	}

	public static String id(String name) {
		String letters = name.replaceAll("[^A-Za-z0-9]", "");
		return (letters + "x".repeat(22)).substring(0, 22);
	}

	/**
	 * An album by the artist with the given tracks, saved by the account at that time (or
	 * not saved: null).
	 */
	public LibraryFixture album(String name, String artist, Instant savedAt, String... tracks) {
		this.jdbc.sql("insert into artists (id, name) values (?, ?) on conflict do nothing")
			.params(id(artist), artist)
			.update();
		this.jdbc.sql(
				"insert into albums (id, name, release_date, total_tracks) values (?, ?, '2020', ?) on conflict do nothing")
			.params(id(name), name, tracks.length)
			.update();
		this.jdbc
			.sql("insert into album_artists (album_id, position, artist_id) values (?, 0, ?) on conflict do nothing")
			.params(id(name), id(artist))
			.update();
		int number = 1;
		for (String track : tracks) {
			this.jdbc
				.sql("""
						insert into tracks (id, album_id, name, track_number, duration_ms, isrc) values (?, ?, ?, ?, 201000, ?)
						on conflict do nothing
						""")
				.params(id(track), id(name), track, number++, "ISRC" + id(track).substring(0, 8))
				.update();
			this.jdbc.sql(
					"insert into track_artists (track_id, position, artist_id) values (?, 0, ?) on conflict do nothing")
				.params(id(track), id(artist))
				.update();
		}
		if (savedAt != null) {
			this.jdbc.sql("insert into saved_albums (account_id, album_id, added_at) values (?, ?, ?)")
				.params(this.account.value(), id(name), Timestamp.from(savedAt))
				.update();
		}
		return this;
	}

	public LibraryFixture liked(String track, Instant at) {
		this.jdbc.sql("insert into liked_tracks (account_id, track_id, added_at) values (?, ?, ?)")
			.params(this.account.value(), id(track), Timestamp.from(at))
			.update();
		return this;
	}

	public LibraryFixture played(String track, Instant... at) {
		for (Instant playedAt : at) {
			this.jdbc.sql("""
					insert into plays (account_id, track_id, played_at, source) values (?, ?, ?, 'recently_played')
					""").params(this.account.value(), id(track), Timestamp.from(playedAt)).update();
		}
		return this;
	}

	public LibraryFixture unavailable(String track, String reason, Instant checkedAt) {
		this.jdbc.sql("""
				insert into track_availability (account_id, track_id, is_playable, reason, checked_at)
				values (?, ?, false, ?, ?)
				""").params(this.account.value(), id(track), reason, Timestamp.from(checkedAt)).update();
		return this;
	}

}
