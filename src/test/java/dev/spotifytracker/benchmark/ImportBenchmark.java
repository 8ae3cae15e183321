package dev.spotifytracker.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.spotifytracker.SpotifyTrackerApplication;
import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.plays.ImportPhases;
import dev.spotifytracker.plays.PlayRollups;
import dev.spotifytracker.plays.history.RowKind;
import dev.spotifytracker.plays.history.StreamingHistoryExport;
import dev.spotifytracker.plays.history.StreamingHistoryReader;
import dev.spotifytracker.spotify.fake.SpotifySimulator;
import dev.spotifytracker.support.TestDatabase;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code import} job on an extended export of 250,000 rows in 17 files (8,000
 * distinct tracks over three years) against an account with 50,000 polled plays of the
 * same tracks, a fifth of the export's counted rows heard by the poll too: the upload
 * through {@code POST /api/imports} with the API token, until the run has ended. Prints
 * the wall time, rows per second, the peak heap, the Spotify calls (the run's and the
 * simulator's: both must be 0), the plays added and merged; then the same export again,
 * which must add nothing. Not a test: it prints figures.
 *
 * <pre>
 * ./mvnw -Pbench test-compile exec:exec@import-benchmark
 * </pre>
 */
public final class ImportBenchmark {

	static final int ROWS = 250_000;

	static final int FILES = 17;

	static final int TRACKS = 8_000;

	static final int POLLED = 50_000;

	static final String TOKEN = "benchmark-api-token-of-32-characters-or-more";

	private static final Pattern NUMBER_FIELD = Pattern.compile("\"(\\w+)\":(-?\\d+)");

	private ImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		TestDatabase database = TestDatabase.get();
		SpotifySimulator spotify = SpotifySimulator.start();
		int port = freePort();
		Path folder = Files.createTempDirectory("import-benchmark");
		ConfigurableApplicationContext app = SpringApplication.from(SpotifyTrackerApplication::main)
			.run(BenchmarkApp.arguments(database, spotify, port, "--tracker.security.api-token=" + TOKEN,
					"--tracker.imports.upload-dir=" + folder.resolve("uploads")))
			.getApplicationContext();
		try {
			JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
			jdbc.sql("truncate table accounts, artists, albums, tracks, allowed_users restart identity cascade")
				.update();
			long started = System.nanoTime();
			Path zip = folder.resolve("my_spotify_data.zip");
			StreamingHistoryExport export = StreamingHistoryExport.extended()
				.seed(13)
				.rows(ROWS)
				.files(FILES)
				.distinctTracks(TRACKS)
				.between(Instant.parse("2023-01-01T00:00:00Z"), Duration.ofDays(3 * 365));
			StreamingHistoryExport.Written written = export.writeZip(zip);
			long account = prepare(jdbc, app, export, zip);
			System.out.printf(
					"%nPrepared in %.1f s: %,d rows in %d files (%s, %.1f MB), %,d counted; %,d polled plays%n",
					(System.nanoTime() - started) / 1e9, written.rows(), written.historyFiles().size(),
					zip.getFileName(), Files.size(zip) / 1e6, written.countedPlays(),
					jdbc.sql("select count(*) from plays").query(Long.class).single());
			System.out.println(
					"Database: " + database.kind() + ", " + jdbc.sql("select version()").query(String.class).single());
			System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, heap "
					+ Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, load average "
					+ DashboardBenchmark.loadAverage());
			System.out
				.printf("%n| import | wall s | rows/s | peak heap MB (live after GC) | Spotify calls (run/simulator) "
						+ "| plays added | merged | already imported |%n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |%n");
			ImportPhases phases = app.getBean(ImportPhases.class);
			List<String> phaseLines = new ArrayList<>();
			double[] rollupSeconds = new double[2];
			double[] wallSeconds = new double[2];
			int round = 0;
			try (HeapWatch heap = new HeapWatch()) {
				for (String label : new String[] { "first", "same export again" }) {
					spotify.requests().reset();
					heap.reset();
					phases.reset();
					long start = System.nanoTime();
					String run = importOnce(port, zip);
					double seconds = (System.nanoTime() - start) / 1e9;
					long importId = jdbc.sql("select max(id) from imports").query(Long.class).single();
					Figures figures = jdbc.sql(
							"select added, merged, already_known, rows_read, bad_rows, status from imports where id = ?")
						.param(importId)
						.query((rs, row) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
								rs.getLong(5), rs.getString(6)))
						.single();
					System.out.printf("| %s (%s) | %.1f | %,.0f | %d (%d) | %d / %d | %,d | %,d | %,d |%n", label,
							figures.status(), seconds, ROWS / seconds, heap.peakUsed() / (1024 * 1024),
							heap.peakLive() / (1024 * 1024), number(run, "apiCalls"), spotify.requests().total(),
							figures.added(), figures.merged(), figures.known());
					phaseLines.add(phaseLine(label, seconds, phases.spent()));
					rollupSeconds[round] = phases.spent().get(ImportPhases.Phase.ROLLUPS).toNanos() / 1e9;
					wallSeconds[round++] = seconds;
				}
			}
			System.out.printf("%nWhere the time went (s; the phases of every batch summed; parse is reading the zip "
					+ "and JSON, outside the batches)%n%n| import | wall | ");
			for (ImportPhases.Phase phase : ImportPhases.Phase.values()) {
				System.out.print(phase.label() + " | ");
			}
			System.out.printf("%n| --- | ---: |%s%n", " ---: |".repeat(ImportPhases.Phase.values().length));
			phaseLines.forEach(System.out::println);
			System.out
				.printf("%nRollups after the imports: %,d play_days rows, %,d play_hours rows, %,d play_sessions rows; "
						+ "maintaining them took %.1f s of the first import's %.1f s (%.0f%%) and %.1f s of the second's%n",
						count(jdbc, "play_days"), count(jdbc, "play_hours"), count(jdbc, "play_sessions"),
						rollupSeconds[0], wallSeconds[0], 100 * rollupSeconds[0] / wallSeconds[0], rollupSeconds[1]);
			System.out.println("\nSummary of the first import: "
					+ jdbc.sql("select summary from imports order by id limit 1").query(String.class).single());
			System.out.println("Plays now: " + jdbc.sql("select count(*) from plays").query(Long.class).single()
					+ " (counted: " + jdbc.sql("select count(*) from counted_plays").query(Long.class).single() + ")");
		}
		finally {
			app.close();
			spotify.close();
		}
		System.exit(0);
	}

	/**
	 * The account (signed in, so its jobs may run), the export's tracks as real catalog
	 * entries, and 50,000 polled plays: a fifth of the export's counted rows, each heard
	 * by the poll up to 50 s from the export's end time.
	 */
	private static long prepare(JdbcClient jdbc, ConfigurableApplicationContext app, StreamingHistoryExport export,
			Path zip) {
		long account = jdbc
			.sql("""
					insert into accounts (spotify_user_id, display_name, role, refresh_token_encrypted, authorized_at, time_zone)
					values ('bench', 'Bench', 'owner', '\\x01'::bytea, now(), 'Europe/Berlin') returning id
					""")
			.query(Long.class)
			.single();
		List<StreamingHistoryExport.Track> tracks = export.tracks();
		List<String> artists = tracks.stream().map(StreamingHistoryExport.Track::artist).distinct().toList();
		jdbc.sql("""
				insert into artists (id, name)
				select 'ar' || lpad(n::text, 20, '0'), a from unnest(:names::text[]) with ordinality as t(a, n)
				""").param("names", artists.toArray(String[]::new)).update();
		jdbc.sql("""
				insert into albums (id, name, album_type, release_date, total_tracks)
				select distinct on (album) 'al' || md5(album)::text, album, 'album', '2020', 10
				from unnest(:albums::text[]) album
				""")
			.param("albums", tracks.stream().map(StreamingHistoryExport.Track::album).toArray(String[]::new))
			.update();
		jdbc.sql("""
				insert into tracks (id, album_id, name, disc_number, track_number, duration_ms)
				select id, 'al' || md5(album)::text, name, 1, 1, ms
				from unnest(:ids::text[], :names::text[], :albums::text[], :ms::int[]) as t(id, name, album, ms)
				""")
			.param("ids", tracks.stream().map(StreamingHistoryExport.Track::id).toArray(String[]::new))
			.param("names", tracks.stream().map(StreamingHistoryExport.Track::name).toArray(String[]::new))
			.param("albums", tracks.stream().map(StreamingHistoryExport.Track::album).toArray(String[]::new))
			.param("ms", tracks.stream().map((track) -> track.durationMs()).toArray(Integer[]::new))
			.update();
		jdbc.sql("""
				insert into track_artists (track_id, position, artist_id)
				select t.id, 0, a.id from unnest(:ids::text[], :artists::text[]) as t(id, artist)
				join artists a on a.name = t.artist
				""")
			.param("ids", tracks.stream().map(StreamingHistoryExport.Track::id).toArray(String[]::new))
			.param("artists", tracks.stream().map(StreamingHistoryExport.Track::artist).toArray(String[]::new))
			.update();
		List<String> ids = new ArrayList<>();
		List<Timestamp> at = new ArrayList<>();
		SplittableRandom random = new SplittableRandom(7);
		new StreamingHistoryReader().read(zip, "my_spotify_data.zip", (row) -> {
			if (row.kind() == RowKind.TRACK && !Boolean.TRUE.equals(row.incognito()) && row.msPlayed() >= 30_000) {
				ids.add(row.trackId());
				at.add(Timestamp.from(row.playedAt().minusSeconds(random.nextInt(51))));
			}
		});
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			order.add(i);
		}
		Collections.shuffle(order, new java.util.Random(11));
		List<Integer> chosen = order.subList(0, Math.min(POLLED, order.size()));
		jdbc.sql("""
				insert into plays (account_id, track_id, played_at, source)
				select :account, t, p, 'recently_played' from unnest(:tracks::text[], :at::timestamptz[]) as x(t, p)
				on conflict do nothing
				""")
			.param("account", account)
			.param("tracks", chosen.stream().map(ids::get).toArray(String[]::new))
			.param("at", chosen.stream().map(at::get).toArray(Timestamp[]::new))
			.update();
		new TransactionTemplate(app.getBean(PlatformTransactionManager.class))
			.executeWithoutResult((status) -> app.getBean(PlayRollups.class).rebuild(new AccountId(account)));
		jdbc.sql("analyze").update();
		return account;
	}

	/**
	 * Uploads the zip with the API token and waits for the run to end.
	 * @return the ended run as the job API answers it
	 */
	private static String importOnce(int port, Path zip) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newHttpClient();
		String boundary = "import-benchmark-boundary";
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
				+ "filename=\"my_spotify_data.zip\"\r\nContent-Type: application/zip\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		HttpRequest upload = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/imports"))
			.header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> body(head, zip, tail)))
			.build();
		HttpResponse<String> started = http.send(upload, HttpResponse.BodyHandlers.ofString());
		if (started.statusCode() != 202) {
			throw new IllegalStateException("The upload answered " + started.statusCode() + ": " + started.body());
		}
		long runId = number(started.body(), "runId");
		while (true) {
			HttpResponse<String> run = http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/jobs/runs/" + runId))
					.header("Authorization", "Bearer " + TOKEN)
					.build(), HttpResponse.BodyHandlers.ofString());
			if (!run.body().contains("\"status\":\"running\"")) {
				return run.body();
			}
			Thread.sleep(100);
		}
	}

	private static InputStream body(byte[] head, Path zip, byte[] tail) {
		try {
			return new SequenceInputStream(Collections.enumeration(List.of(new java.io.ByteArrayInputStream(head),
					Files.newInputStream(zip), new java.io.ByteArrayInputStream(tail))));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static String phaseLine(String label, double wall, Map<ImportPhases.Phase, Duration> spent) {
		StringBuilder line = new StringBuilder("| " + label + String.format(" | %.1f | ", wall));
		spent.values().forEach((duration) -> line.append(String.format("%.2f | ", duration.toNanos() / 1e9)));
		return line.toString().stripTrailing();
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private static long number(String json, String field) {
		Matcher matcher = NUMBER_FIELD.matcher(json);
		while (matcher.find()) {
			if (matcher.group(1).equals(field)) {
				return Long.parseLong(matcher.group(2));
			}
		}
		throw new IllegalStateException("No " + field + " in " + json);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private record Figures(long added, long merged, long known, long rowsRead, long badRows, String status) {

	}

}
