package dev.spotifytracker.benchmark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.spotifytracker.SpotifyTrackerApplication;
import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.plays.PlayRollups;
import dev.spotifytracker.spotify.fake.SpotifySimulator;
import dev.spotifytracker.support.TestDatabase;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stats API at 1,000,000 plays over 5 accounts (200,000 each over 10 years, on a long
 * tail of 50,000 tracks by 8,000 artists): each endpoint (every top list by plays and by
 * time) for all time, the last full calendar year and the last 7 days, in the account's
 * zone ({@value #RUNS} times) and in two other viewer zones, with the API token after
 * {@value #WARM_UP} warm-ups; median and p95 of the client-side time, as a table. Also
 * what the play rollups cost: their rows, a rebuild of one account, a 250,000-play import
 * with and without the rollups, and a poll of 50 plays. Not a test: it prints figures.
 *
 * <pre>
 * ./mvnw -Pbench test-compile exec:exec@stats-benchmark
 * </pre>
 */
public final class StatsBenchmark {

	static final int WARM_UP = 3;

	static final int RUNS = 30;

	static final String TOKEN = "benchmark-api-token-of-32-characters-or-more";

	private StatsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		TestDatabase database = TestDatabase.get();
		SpotifySimulator spotify = SpotifySimulator.start();
		int port = freePort();
		ConfigurableApplicationContext app = SpringApplication.from(SpotifyTrackerApplication::main)
			.run(BenchmarkApp.arguments(database, spotify, port, "--tracker.security.api-token=" + TOKEN))
			.getApplicationContext();
		try {
			JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
			PlayRollups rollups = app.getBean(PlayRollups.class);
			TransactionTemplate transactions = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
			jdbc.sql("truncate table accounts, artists, albums, tracks, allowed_users restart identity cascade")
				.update();
			long started = System.nanoTime();
			List<Long> accounts = generate(jdbc);
			System.out.printf("%nGenerated 1,000,000 plays in %.1f s%n", (System.nanoTime() - started) / 1e9);
			System.out.println(
					"Database: " + database.kind() + ", " + jdbc.sql("select version()").query(String.class).single());
			System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, heap "
					+ Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, load average "
					+ DashboardBenchmark.loadAverage());
			System.out.printf("%n| rollup build (one transaction per account) | seconds |%n| --- | ---: |%n");
			for (long account : accounts) {
				long start = System.nanoTime();
				transactions.executeWithoutResult((status) -> rollups.rebuild(new AccountId(account)));
				System.out.printf("| account %d, 200,000 plays | %.1f |%n", account, (System.nanoTime() - start) / 1e9);
			}
			jdbc.sql("analyze").update();
			printRows(jdbc, accounts.get(0));
			measureWrites(jdbc, rollups, transactions);
			jdbc.sql("analyze").update();
			measure(port, jdbc, accounts.get(0));
		}
		finally {
			app.close();
			spotify.close();
		}
		System.exit(0);
	}

	/**
	 * 8,000 artists, 5,000 albums of 10 tracks (50,000 tracks, a fifth with a second
	 * artist), 5 accounts in Europe/Berlin with 200,000 plays each over ten years, the
	 * tracks drawn from a long tail, half of the plays with ms_played (imported).
	 */
	static List<Long> generate(JdbcClient jdbc) {
		jdbc.sql("select setseed(0.14)").query().singleRow();
		String[] statements = { """
				insert into artists (id, name)
				select 'ar' || lpad(a::text, 20, '0'), 'Artist ' || a from generate_series(1, 8000) a
				""", """
				insert into albums (id, name, album_type, release_date, total_tracks)
				select 'al' || lpad(a::text, 20, '0'), 'Album ' || a, 'album', (1960 + a % 65)::text, 10
				from generate_series(1, 5000) a
				""", """
				insert into tracks (id, album_id, name, disc_number, track_number, duration_ms)
				select 'tr' || lpad((a * 10 + n)::text, 20, '0'), 'al' || lpad(a::text, 20, '0'),
				       'Track ' || (a * 10 + n), 1, n + 1, 150000 + (a * 7919 + n * 104729) % 200000
				from generate_series(1, 5000) a, generate_series(0, 9) n
				""", """
				insert into track_artists (track_id, position, artist_id)
				select 'tr' || lpad((a * 10 + n)::text, 20, '0'), 0, 'ar' || lpad((1 + a % 8000)::text, 20, '0')
				from generate_series(1, 5000) a, generate_series(0, 9) n
				""",
				"""
						insert into track_artists (track_id, position, artist_id)
						select 'tr' || lpad((a * 10 + n)::text, 20, '0'), 1, 'ar' || lpad((1 + (a * 31 + n) % 8000)::text, 20, '0')
						from generate_series(1, 5000) a, generate_series(0, 9) n where (a + n) % 5 = 0
						""",
				"""
						insert into accounts (spotify_user_id, display_name, role, time_zone)
						select 'bench' || a, 'Bench ' || a, case when a = 1 then 'owner' else 'member' end, 'Europe/Berlin'
						from generate_series(1, 5) a
						""" };
		for (String statement : statements) {
			jdbc.sql(statement).update();
		}
		List<Long> accounts = jdbc.sql("select id from accounts order by id").query(Long.class).list();
		for (long account : accounts) {
			insertPlays(jdbc, account, 200_000, "now()");
		}
		return accounts;
	}

	/**
	 * Plays over the ten years before {@code end}, a long tail of tracks: the square of a
	 * uniform draw favours the first tracks.
	 */
	static void insertPlays(JdbcClient jdbc, long account, int count, String end) {
		jdbc.sql("""
				insert into plays (account_id, track_id, played_at, ms_played, source)
				select :account, 'tr' || lpad((10 + floor(49999 * power(random(), 2.5)))::int::text, 20, '0'),
				       %s - random() * interval '3650 days',
				       case when g %% 2 = 0 then null else 30000 + (random() * 270000)::int end,
				       case when g %% 2 = 0 then 'recently_played' else 'history_import' end
				from generate_series(1, :count) g
				on conflict do nothing
				""".formatted(end)).param("account", account).param("count", count).update();
	}

	static void printRows(JdbcClient jdbc, long account) {
		System.out.printf("%n| rollup rows for one account of 200,000 plays | rows |%n| --- | ---: |%n");
		for (String table : new String[] { "play_days", "play_hours", "play_sessions", "play_tracks" }) {
			long rows = jdbc.sql("select count(*) from " + table + " where account_id = ?")
				.param(account)
				.query(Long.class)
				.single();
			System.out.printf("| %s | %,d |%n", table, rows);
		}
		String size = jdbc.sql("""
				select pg_size_pretty(sum(pg_total_relation_size(t))::bigint)
				from unnest(array['play_days', 'play_hours', 'play_sessions', 'play_tracks']::regclass[]) t
				""").query(String.class).single();
		String plays = jdbc.sql("select pg_size_pretty(pg_total_relation_size('plays'))").query(String.class).single();
		System.out.println("Rollups on disk, all 5 accounts: " + size + " (the plays table: " + plays + ")");
	}

	/**
	 * A 250,000-play import into a new account, in one transaction, without and with the
	 * rollups; then a poll's 50 new plays with {@link PlayRollups#changed}.
	 */
	static void measureWrites(JdbcClient jdbc, PlayRollups rollups, TransactionTemplate transactions) {
		long account = jdbc.sql("""
				insert into accounts (spotify_user_id, display_name, role, time_zone)
				values ('import', 'Import', 'member', 'Europe/Berlin') returning id
				""").query(Long.class).single();
		long start = System.nanoTime();
		transactions.executeWithoutResult((status) -> insertPlays(jdbc, account, 250_000, "now()"));
		double insert = (System.nanoTime() - start) / 1e9;
		jdbc.sql("delete from plays where account_id = ?").param(account).update();
		start = System.nanoTime();
		transactions.executeWithoutResult((status) -> {
			insertPlays(jdbc, account, 250_000, "now()");
			rollups.rebuild(new AccountId(account));
		});
		double withRollups = (System.nanoTime() - start) / 1e9;
		System.out.printf("%n| 250,000-play import, one transaction | seconds |%n| --- | ---: |%n");
		System.out.printf("| plays only | %.1f |%n| plays and rollups (rebuild) | %.1f |%n", insert, withRollups);
		long[] polls = new long[20];
		for (int i = 0; i < polls.length; i++) {
			int hours = i + 1;
			String end = "now() + interval '" + hours + " hours'";
			long pollStart = System.nanoTime();
			transactions.executeWithoutResult((status) -> {
				jdbc.sql("""
						insert into plays (account_id, track_id, played_at, source)
						select :account, 'tr' || lpad((10 + floor(49999 * random()))::int::text, 20, '0'),
						       %s - g * interval '3 minutes', 'recently_played'
						from generate_series(1, 50) g
						on conflict do nothing
						""".formatted(end)).param("account", account).update();
				rollups.changed(new AccountId(account), java.time.Instant.now().minusSeconds(3 * 3600),
						java.time.Instant.now().plusSeconds(hours * 3600L));
			});
			polls[i] = System.nanoTime() - pollStart;
		}
		Arrays.sort(polls);
		System.out.printf("| a poll of 50 plays with the rollups kept (median of 20) | %.3f |%n",
				polls[polls.length / 2] / 1e9);
	}

	/**
	 * Every endpoint (each top list by plays and by time) for all time, the last full
	 * calendar year and the last 7 days, in the account's zone (Europe/Berlin, where its
	 * rollups are built) and as viewers in other zones see it: New York (whole hours from
	 * Berlin) and Kolkata (half an hour off).
	 */
	static void measure(int port, JdbcClient jdbc, long account) throws Exception {
		ZoneId berlin = ZoneId.of("Europe/Berlin");
		LocalDate today = LocalDate.now(berlin);
		Map<String, String> periods = new LinkedHashMap<>();
		periods.put("all time", "");
		periods.put("one year", "&from=" + today.minusYears(1).withDayOfYear(1) + "&to="
				+ today.minusYears(1).withDayOfYear(1).plusYears(1).minusDays(1));
		periods.put("last 7 days", "&from=" + today.minusDays(6) + "&to=" + today);
		Map<String, String> endpoints = new LinkedHashMap<>();
		for (String kind : new String[] { "tracks", "artists", "albums" }) {
			for (String by : new String[] { "plays", "time" }) {
				endpoints.put("top " + kind + " by " + by, "/api/stats/top?kind=" + kind + "&by=" + by + "&limit=50");
			}
		}
		endpoints.put("summary", "/api/stats/summary?x=1");
		endpoints.put("clock", "/api/stats/clock?x=1");
		endpoints.put("series", "/api/stats/series?x=1");
		Map<String, Integer> zones = new LinkedHashMap<>();
		zones.put("", RUNS);
		zones.put("America/New_York", 15);
		zones.put("Asia/Kolkata", 7);
		HttpClient client = HttpClient.newHttpClient();
		System.out.printf("%n| endpoint | period | viewer zone | runs | median ms | p95 ms | target |%n"
				+ "| --- | --- | --- | ---: | ---: | ---: | --- |%n");
		int missed = 0;
		for (Map.Entry<String, Integer> zone : zones.entrySet()) {
			for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
				for (Map.Entry<String, String> period : periods.entrySet()) {
					String path = endpoint.getValue() + "&account=bench1" + period.getValue()
							+ (zone.getKey().isEmpty() ? "" : "&tz=" + zone.getKey());
					long[] times = time(client, port, path, zone.getValue());
					double median = times[times.length / 2] / 1e6;
					double p95 = times[(int) Math.ceil(times.length * 0.95) - 1] / 1e6;
					boolean met = median < 100 && p95 < 300;
					missed += met ? 0 : 1;
					System.out.printf("| %s | %s | %s | %d | %.1f | %.1f | %s |%n", endpoint.getKey(), period.getKey(),
							zone.getKey().isEmpty() ? "Europe/Berlin (the account's)" : zone.getKey(), times.length,
							median, p95, met ? "met" : "MISSED");
				}
			}
		}
		System.out.println("Requests over the target (median 100 ms, p95 300 ms): " + missed);
		System.out.println("Load average after the requests: " + DashboardBenchmark.loadAverage());
	}

	/**
	 * The client-side times of {@code runs} requests after {@value #WARM_UP} warm-ups,
	 * sorted.
	 */
	private static long[] time(HttpClient client, int port, String path, int runs) throws Exception {
		long[] times = new long[runs];
		for (int i = 0; i < WARM_UP + runs; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = client
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
					.header("Authorization", "Bearer " + TOKEN)
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString());
			long took = System.nanoTime() - start;
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode());
			}
			if (i >= WARM_UP) {
				times[i - WARM_UP] = took;
			}
		}
		Arrays.sort(times);
		return times;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
