package dev.spotifytracker.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.Trigger;
import dev.spotifytracker.plays.HistoryImports;
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
 * Brings the demo listener's two years of plays in as a newcomer would: through the
 * importer, from an "Extended streaming history" zip generated from the simulator's plays
 * and kept in the data folder, where the Import page offers it for download. It runs
 * once, as the {@code import} job (on the Jobs and Import pages with its summary), at the
 * first start of {@code ./data-demo}. Spotify's API only ever returns the last 50 plays,
 * so without it the demo's play-based playlists would stay nearly empty.
 * <p>
 * Like a real export, which is days old when it arrives, the zip leaves out the newest 50
 * plays: the plays poll brings those. The played tracks' catalog rows are loaded first,
 * as the enrich job would fill them in over days of call budget; the library itself
 * arrives with the first sync, as for a real account.
 */
class DemoHistory {

	/**
	 * What Spotify's recently played shows, and the poll brings instead of the export.
	 */
	static final int POLLED = 50;

	private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

	private final JdbcTemplate jdbc;

	private final SimulatedUser listener;

	private final HistoryImports imports;

	private final Path export;

	DemoHistory(JdbcTemplate jdbc, SimulatedUser listener, HistoryImports imports, Path export) {
		this.jdbc = jdbc;
		this.listener = listener;
		this.imports = imports;
		this.export = export;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load(ApplicationReadyEvent event) {
		String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
		load();
		log.info("Demo: open http://127.0.0.1:{} and sign in; the simulated Spotify signs you in as \"{}\" at once. "
				+ "Then start the library job on the Jobs page.", port, this.listener.displayName());
	}

	/**
	 * Starts the import of the listener's history, unless the account has one already.
	 * @return the run importing it, or null when there is nothing to do
	 */
	Long load() {
		List<Long> account = this.jdbc.queryForList("select id from accounts where spotify_user_id = ?", Long.class,
				this.listener.id());
		if (account.isEmpty()) {
			log.warn("Demo: the account {} was not created; no play history loaded", this.listener.id());
			return null;
		}
		AccountId accountId = new AccountId(account.get(0));
		if (this.imports.anyImport(accountId)) {
			log.info("Demo: the play history was imported at an earlier start (see the Import page)");
			return null;
		}
		List<SimPlay> plays = this.listener.plays();
		List<SimPlay> exported = plays.subList(Math.min(POLLED, plays.size()), plays.size());
		saveCatalog(exported);
		int rows = DemoExport.write(exported, this.export);
		long run = this.imports.importFile(accountId, this.export, Trigger.SCHEDULE);
		log.info("Demo: importing {} plays of two years from {} (run {}; see the Jobs and Import pages)", rows,
				this.export, run);
		return run;
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
