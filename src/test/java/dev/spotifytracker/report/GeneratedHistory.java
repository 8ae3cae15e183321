package dev.spotifytracker.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small catalog and a random play history, kept in plain Java for the oracle and
 * written into the test database: tracks with one or two credited artists, one without a
 * known length, polled plays (no ms_played) and imported ones (ms_played), plays around
 * the 2026 daylight-saving changes, around local midnight, and tracks tied on plays and
 * time.
 */
final class GeneratedHistory {

	record Track(String id, String name, String albumId, String albumName, Integer durationMs, List<String> artistIds) {

	}

	record Play(long seq, String trackId, Instant playedAt, Integer msPlayed) {

	}

	final Map<String, Track> tracks = new LinkedHashMap<>();

	final Map<String, String> artistNames = new LinkedHashMap<>();

	final List<Play> plays = new ArrayList<>();

	private final Set<String> keys = new HashSet<>();

	private GeneratedHistory() {
	}

	static GeneratedHistory generate(long seed) {
		GeneratedHistory history = new GeneratedHistory();
		Random random = new Random(seed);
		for (int a = 0; a < 6; a++) {
			history.artistNames.put(id("artist" + a), "Artist " + a);
		}
		int[] durations = { 180_000, 200_000, 240_000 };
		for (int t = 0; t < 12; t++) {
			List<String> artists = new ArrayList<>();
			artists.add(id("artist" + (t % 6)));
			if (t % 3 == 0) {
				artists.add(id("artist" + ((t + 1) % 6)));
			}
			Integer duration = (t == 11) ? null : durations[t % 3];
			if (t == 9 || t == 10) {
				duration = 200_000;
			}
			history.tracks.put(id("track" + t), new Track(id("track" + t), "Track " + t, id("album" + (t % 4)),
					"Album " + (t % 4), duration, artists));
		}
		// random plays over three windows: around the spring and autumn changes of 2026,
		// and 2025
		Instant[][] windows = { { Instant.parse("2026-03-20T00:00:00Z"), Instant.parse("2026-04-10T00:00:00Z") },
				{ Instant.parse("2026-10-18T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z") },
				{ Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z") } };
		int[] counts = { 260, 160, 120 };
		List<String> pool = List.of(id("track0"), id("track1"), id("track2"), id("track3"), id("track4"), id("track5"),
				id("track6"), id("track7"), id("track11"));
		for (int w = 0; w < windows.length; w++) {
			long span = Duration.between(windows[w][0], windows[w][1]).toSeconds();
			for (int i = 0; i < counts[w]; i++) {
				// plays bunch into sessions: most follow the previous one by a few
				// minutes
				Instant at = windows[w][0].plusSeconds((long) (random.nextDouble() * span));
				String track = pool.get(random.nextInt(pool.size()));
				Integer ms = random.nextBoolean() ? null : 30_000 + random.nextInt(270_000);
				history.add(track, at, ms);
				for (int follow = random.nextInt(4); follow > 0; follow--) {
					at = at.plusSeconds(60 + random.nextInt(900));
					history.add(pool.get(random.nextInt(pool.size())), at, random.nextBoolean() ? null : 45_000);
				}
			}
		}
		// tracks 8, 9 and 10: five plays each, 9 and 10 tied on plays and time, 8 on
		// plays only
		for (int i = 0; i < 5; i++) {
			Instant at = Instant.parse("2026-03-28T20:00:00Z").plusSeconds(i * 3600L);
			history.add(id("track8"), at, null);
			history.add(id("track9"), at.plusSeconds(600), null);
			history.add(id("track10"), at.plusSeconds(1200), null);
		}
		// a four-hour session across midnight (Berlin and UTC): a period may cut it
		for (Instant at = Instant.parse("2026-04-05T20:00:00Z"); at
			.isBefore(Instant.parse("2026-04-06T00:30:00Z")); at = at.plusSeconds(300)) {
			history.add(id("track" + (at.getEpochSecond() / 300 % 8)), at, 240_000);
		}
		// just after local midnight in Berlin: the play started the day before
		history.add(id("track2"), Instant.parse("2026-03-30T22:02:00Z"), null);
		history.add(id("track1"), Instant.parse("2026-10-24T22:01:00Z"), 200_000);
		// in the hour Berlin's clocks go back through, once before and once after
		history.add(id("track3"), Instant.parse("2026-10-25T00:40:00Z"), 60_000);
		history.add(id("track4"), Instant.parse("2026-10-25T01:40:00Z"), 60_000);
		return history;
	}

	private void add(String trackId, Instant playedAt, Integer msPlayed) {
		if (this.keys.add(trackId + playedAt)) {
			this.plays.add(new Play(this.plays.size(), trackId, playedAt, msPlayed));
		}
	}

	void writeTo(JdbcClient jdbc, AccountId account) {
		writeCatalog(jdbc);
		writePlays(jdbc, account, this.plays);
	}

	void writeCatalog(JdbcClient jdbc) {
		this.artistNames
			.forEach((id, name) -> jdbc.sql("insert into artists (id, name) values (?, ?)").params(id, name).update());
		this.tracks.values()
			.stream()
			.map(Track::albumId)
			.distinct()
			.forEach((album) -> jdbc.sql("insert into albums (id, name) values (?, ?)")
				.params(album,
						this.tracks.values()
							.stream()
							.filter((t) -> t.albumId().equals(album))
							.findFirst()
							.orElseThrow()
							.albumName())
				.update());
		for (Track track : this.tracks.values()) {
			jdbc.sql("insert into tracks (id, album_id, name, duration_ms) values (?, ?, ?, ?)")
				.params(track.id(), track.albumId(), track.name(), track.durationMs())
				.update();
			for (int position = 0; position < track.artistIds().size(); position++) {
				jdbc.sql("insert into track_artists (track_id, position, artist_id) values (?, ?, ?)")
					.params(track.id(), position, track.artistIds().get(position))
					.update();
			}
		}
	}

	static void writePlays(JdbcClient jdbc, AccountId account, List<Play> plays) {
		jdbc.sql("""
				insert into plays (account_id, track_id, played_at, ms_played, source)
				select :account, p.track_id, p.played_at, p.ms_played,
				       case when p.ms_played is null then 'recently_played' else 'history_import' end
				from unnest(:tracks::text[], :at::timestamptz[], :ms::integer[]) as p(track_id, played_at, ms_played)
				""")
			.param("account", account.value())
			.param("tracks", plays.stream().map(Play::trackId).toArray(String[]::new))
			.param("at", plays.stream().map((play) -> play.playedAt().toString()).toArray(String[]::new))
			.param("ms", plays.stream().map(Play::msPlayed).toArray(Integer[]::new))
			.update();
	}

	static String id(String name) {
		return (name + "x".repeat(22)).substring(0, 22);
	}

}
