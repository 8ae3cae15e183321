package dev.spotifytracker.demo;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.spotifytracker.spotify.fake.SimAlbum;
import dev.spotifytracker.spotify.fake.SimArtist;
import dev.spotifytracker.spotify.fake.SimPlay;
import dev.spotifytracker.spotify.fake.SimTrack;
import dev.spotifytracker.spotify.fake.SimulatedUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads the demo listener's two years of plays into the database once, as an imported
 * history would be ({@code source = history_import}): Spotify's API only ever returns the
 * last 50, so without it the demo's play-based playlists would stay nearly empty. The
 * played tracks' catalog rows come with them; the library itself arrives with the first
 * sync, as for a real account.
 */
class DemoHistory {

	private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

	private final JdbcTemplate jdbc;

	private final SimulatedUser listener;

	DemoHistory(JdbcTemplate jdbc, SimulatedUser listener) {
		this.jdbc = jdbc;
		this.listener = listener;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load(ApplicationReadyEvent event) {
		List<Long> account = this.jdbc.queryForList("select id from accounts where spotify_user_id = ?", Long.class,
				this.listener.id());
		if (account.isEmpty()) {
			log.warn("Demo: the account {} was not created; no play history loaded", this.listener.id());
			return;
		}
		long accountId = account.get(0);
		Long imported = this.jdbc.queryForObject(
				"select count(*) from plays where account_id = ? and source = 'history_import'", Long.class, accountId);
		if (imported != null && imported > 0) {
			log.info("Demo: {} imported plays already in ./data-demo", imported);
		}
		else {
			List<SimPlay> plays = this.listener.plays();
			saveCatalog(plays);
			this.jdbc.batchUpdate("""
					insert into plays (account_id, track_id, played_at, ms_played, source, context_uri)
					values (?, ?, ?, ?, 'history_import', ?) on conflict do nothing
					""", plays, 1000, (statement, play) -> {
				statement.setLong(1, accountId);
				statement.setString(2, play.track().id());
				statement.setTimestamp(3, Timestamp.from(play.playedAt()));
				statement.setInt(4, play.track().durationMs());
				statement.setString(5, play.contextUri());
			});
			log.info("Demo: loaded {} plays of two years as an imported history", plays.size());
		}
		String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
		log.info("Demo: open http://127.0.0.1:{} and sign in; the simulated Spotify signs you in as \"{}\" at once. "
				+ "Then start the library job on the Jobs page.", port, this.listener.displayName());
	}

	private void saveCatalog(List<SimPlay> plays) {
		Map<String, SimTrack> tracks = new LinkedHashMap<>();
		plays.forEach((play) -> tracks.putIfAbsent(play.track().id(), play.track()));
		Map<String, SimAlbum> albums = new LinkedHashMap<>();
		Map<String, SimArtist> artists = new LinkedHashMap<>();
		for (SimTrack track : tracks.values()) {
			albums.putIfAbsent(track.album().id(), track.album());
			track.artists().forEach((artist) -> artists.putIfAbsent(artist.id(), artist));
			track.album().artists().forEach((artist) -> artists.putIfAbsent(artist.id(), artist));
		}
		this.jdbc.batchUpdate("insert into artists (id, name) values (?, ?) on conflict do nothing",
				new ArrayList<>(artists.values()), 1000, (statement, artist) -> {
					statement.setString(1, artist.id());
					statement.setString(2, artist.name());
				});
		this.jdbc.batchUpdate("""
				insert into albums (id, name, album_type, release_date, total_tracks) values (?, ?, ?, ?, ?)
				on conflict do nothing
				""", new ArrayList<>(albums.values()), 1000, (statement, album) -> {
			statement.setString(1, album.id());
			statement.setString(2, album.name());
			statement.setString(3, album.albumType());
			statement.setString(4, album.releaseDate());
			statement.setInt(5, album.totalTracks());
		});
		List<Object[]> albumArtists = new ArrayList<>();
		albums.values().forEach((album) -> {
			for (int i = 0; i < album.artists().size(); i++) {
				albumArtists.add(new Object[] { album.id(), i, album.artists().get(i).id() });
			}
		});
		this.jdbc.batchUpdate("""
				insert into album_artists (album_id, position, artist_id) values (?, ?, ?) on conflict do nothing
				""", albumArtists);
		this.jdbc.batchUpdate("""
				insert into tracks (id, album_id, name, disc_number, track_number, duration_ms, explicit, isrc)
				values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
				""", new ArrayList<>(tracks.values()), 1000, (statement, track) -> {
			statement.setString(1, track.id());
			statement.setString(2, track.album().id());
			statement.setString(3, track.name());
			statement.setInt(4, track.discNumber());
			statement.setInt(5, track.trackNumber());
			statement.setInt(6, track.durationMs());
			statement.setBoolean(7, track.explicit());
			statement.setString(8, track.isrc());
		});
		List<Object[]> trackArtists = new ArrayList<>();
		tracks.values().forEach((track) -> {
			for (int i = 0; i < track.artists().size(); i++) {
				trackArtists.add(new Object[] { track.id(), i, track.artists().get(i).id() });
			}
		});
		this.jdbc.batchUpdate("""
				insert into track_artists (track_id, position, artist_id) values (?, ?, ?) on conflict do nothing
				""", trackArtists);
	}

}
