package dev.spotifytracker.benchmark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import dev.spotifytracker.playlist.PlaylistBenchmarkSupport;
import dev.spotifytracker.playlist.SmartPlaylistRule;
import dev.spotifytracker.support.DatabaseCleaner;
import dev.spotifytracker.support.TestDatabase;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Smart playlists at size L: the six rules' query times on 50,000 library tracks and
 * 1,000,000 plays, and the Spotify calls a push of a 1,000-track playlist takes after 1,
 * 10 and 200 changes. Not a test: it prints figures.
 *
 * <pre>
 * ./mvnw -B -o -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=target/benchmark-classpath.txt
 * java -cp target/test-classes:target/classes:$(cat target/benchmark-classpath.txt) \
 *     dev.spotifytracker.benchmark.PlaylistBenchmark [--explain]
 * </pre>
 *
 * It runs on the test PostgreSQL ({@link TestDatabase}: embedded, or Testcontainers when
 * Docker answers) and generates the data set with set-based SQL in about a minute.
 */
public final class PlaylistBenchmark {

	/** The data set's "now": the generated dates lead up to it. */
	static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

	static final int WARM_UP = 2;

	static final int RUNS = 7;

	private PlaylistBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		boolean explain = Arrays.asList(args).contains("--explain");
		TestDatabase database = TestDatabase.get();
		try (SingleConnectionDataSource dataSource = new SingleConnectionDataSource(database.jdbcUrl(),
				database.username(), database.password(), true)) {
			Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
			DatabaseCleaner.clean(dataSource);
			JdbcClient jdbc = JdbcClient.create(dataSource);

			long started = System.nanoTime();
			long account = generate(jdbc);
			System.out.printf("%nGenerated in %.1f s: %s%n", (System.nanoTime() - started) / 1e9, sizes(jdbc, account));
			System.out.println(
					"Database: " + database.kind() + ", " + jdbc.sql("select version()").query(String.class).single());
			System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, load average "
					+ loadAverage() + " (other work on the machine slows the queries)");

			queryTimes(jdbc, account, explain);
			callsPerPush();
		}
		System.exit(0);
	}

	/**
	 * One account: 6,000 albums of 10 tracks; 3,000 saved albums (30,000 tracks) and
	 * 25,000 liked tracks of which 5,000 are on saved albums: 50,000 library tracks.
	 * Plays follow a long tail over 40,000 tracks: a few played thousands of times,
	 * 20,000 played once, 20,000 never. The last 60 days were polled (recently played: no
	 * length, every play counts); older plays come from an imported history with their
	 * length, 8% of them under the 30 s threshold (no play). Without a length an imported
	 * row never counts, so a history of lengthless imports would give every play-based
	 * playlist no track. 2% of the tracks are unplayable, 10% of unknown availability;
	 * 100 are excluded.
	 */
	static long generate(JdbcClient jdbc) throws InterruptedException {
		long account = jdbc.sql("insert into accounts (spotify_user_id) values ('benchmark') returning id")
			.query(Long.class)
			.single();
		jdbc.sql("select setseed(0.42)").query().singleRow();
		String[] statements = { """
				insert into albums (id, name)
				select 'al' || lpad(a::text, 20, '0'), 'Album ' || a from generate_series(1, 6000) a
				""", """
				insert into tracks (id, album_id, name, disc_number, track_number)
				select 'tr' || lpad((a * 10 + n)::text, 20, '0'), 'al' || lpad(a::text, 20, '0'),
				       'Track ' || (a * 10 + n), 1 + n / 8, 1 + n % 8
				from generate_series(1, 6000) a, generate_series(0, 9) n
				""", """
				insert into saved_albums (account_id, album_id, added_at)
				select :account, 'al' || lpad(a::text, 20, '0'), :now - a * interval '14 hours'
				from generate_series(1, 3000) a
				""", """
				insert into liked_tracks (account_id, track_id, added_at)
				select :account, 'tr' || lpad(t::text, 20, '0'),
				       :now - (t % 20011) * interval '2 hours' - t * interval '1 second'
				from (select generate_series(30010, 50009) t union all select generate_series(10, 5009)) liked
				""", """
				insert into track_availability (account_id, track_id, is_playable, checked_at)
				select :account, id, case when h < 2 then false when h < 12 then null else true end, :now
				from (select id, abs(hashtext(id)) % 100 h from tracks) hashed
				""", """
				insert into excluded_tracks (account_id, track_id)
				select :account, 'tr' || lpad(t::text, 20, '0') from generate_series(10, 60009, 600) t
				""",
				"""
						insert into plays (account_id, track_id, played_at, ms_played, source)
						select :account, id, played_at,
						       case when played_at >= :now - interval '60 days' then null
						            when random() < 0.08 then (random() * 29000)::int
						            else 30000 + (random() * 270000)::int end,
						       case when played_at >= :now - interval '60 days' then 'recently_played'
						            else 'history_import' end
						from (select id, :now - row_number() over (order by random()) * interval '90 seconds' as played_at
						      from (select id, (floor(40000.0 / k) + case when k <= 5000 then floor(63000.0 / k) else 0 end)::int n
						            from (select id, row_number() over (order by md5(id)) k from tracks) ranked
						            where k <= 40000) counts, generate_series(1, n)
						      limit 1000000) timed
						""" };
		for (String statement : statements) {
			JdbcClient.StatementSpec spec = jdbc.sql(statement);
			if (statement.contains(":account")) {
				spec = spec.param("account", account);
			}
			if (statement.contains(":now")) {
				spec = spec.param("now", java.time.OffsetDateTime.ofInstant(NOW, java.time.ZoneOffset.UTC));
			}
			spec.update();
		}
		// as autovacuum would by now: statistics for the planner, and the visibility map
		// that lets the plays index answer without visiting the table (a vacuum cannot
		// mark pages that an autoanalyze started during the load might still not see, so
		// it is repeated until they are marked)
		jdbc.sql("vacuum (analyze)").update();
		for (int attempt = 0; attempt < 20 && !allVisible(jdbc, "plays"); attempt++) {
			Thread.sleep(500);
			jdbc.sql("vacuum plays").update();
		}
		return account;
	}

	static boolean allVisible(JdbcClient jdbc, String table) {
		return jdbc.sql("select relallvisible >= relpages from pg_class where relname = ?")
			.param(table)
			.query(Boolean.class)
			.single();
	}

	static String loadAverage() {
		try {
			String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (java.io.IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	static String sizes(JdbcClient jdbc, long account) {
		return jdbc.sql("""
				select format('%s library tracks, %s plays of %s tracks, %s catalog tracks',
				  (select count(*) from (select track_id from liked_tracks where account_id = :a
				                         union select t.id from saved_albums s join tracks t on t.album_id = s.album_id
				                         where s.account_id = :a) l),
				  (select count(*) from plays where account_id = :a),
				  (select count(distinct track_id) from plays where account_id = :a),
				  (select count(*) from tracks))
				  || format(' (plays: %s of %s pages all-visible)',
				     (select relallvisible from pg_class where relname = 'plays'),
				     (select relpages from pg_class where relname = 'plays'))
				""").param("a", account).query(String.class).single();
	}

	static void queryTimes(JdbcClient jdbc, long account, boolean explain) {
		PlaylistBenchmarkSupport support = new PlaylistBenchmarkSupport(jdbc);
		System.out.printf("%n| rule | tracks | matching | min ms | median ms | max ms |%n");
		System.out.printf("| --- | ---: | ---: | ---: | ---: | ---: |%n");
		for (SmartPlaylistRule rule : SmartPlaylistRule.values()) {
			PlaylistBenchmarkSupport.Selection selection = null;
			for (int i = 0; i < WARM_UP; i++) {
				selection = support.select(account, rule, NOW);
			}
			long[] times = new long[RUNS];
			for (int i = 0; i < RUNS; i++) {
				long start = System.nanoTime();
				selection = support.select(account, rule, NOW);
				times[i] = System.nanoTime() - start;
			}
			Arrays.sort(times);
			System.out.printf("| %s | %d | %d | %.0f | %.0f | %.0f |%n", rule.slug(), selection.trackIds().size(),
					selection.matching(), times[0] / 1e6, times[RUNS / 2] / 1e6, times[RUNS - 1] / 1e6);
			if (explain) {
				explain(jdbc, account, rule);
			}
		}
		System.out.println("Load average after the queries: " + loadAverage());
	}

	static void explain(JdbcClient jdbc, long account, SmartPlaylistRule rule) {
		String sql = PlaylistBenchmarkSupport.sql(rule);
		JdbcClient.StatementSpec spec = jdbc.sql("explain (analyze, buffers) " + sql)
			.param("account", account)
			.param("limit", rule.defaultLimit())
			.param("exclusionPlaylist", rule.slug());
		if (rule.hasWindow()) {
			spec = spec.param("since", java.time.OffsetDateTime
				.ofInstant(NOW.minus(java.time.Duration.ofDays(rule.defaultWindowDays())), java.time.ZoneOffset.UTC));
		}
		System.out.println();
		spec.query(String.class).list().forEach((line) -> System.out.println("    " + line));
		System.out.println();
	}

	/**
	 * A 1,000-track playlist after n changes of three kinds: tracks leaving (played out
	 * of Never Played), tracks arriving on top (new likes), and a random mix of removals,
	 * insertions anywhere and moves (seeded).
	 */
	static void callsPerPush() {
		List<String> pushed = IntStream.range(0, 1000).mapToObj((i) -> "t" + i).toList();
		System.out.printf("%n| changes | kind of change | edit script calls | full replace calls | sent | calls |%n");
		System.out.printf("| ---: | --- | ---: | ---: | --- | ---: |%n");
		for (int changes : new int[] { 1, 10, 200 }) {
			Random random = new Random(changes);
			List<String> leaving = new ArrayList<>(pushed);
			for (int i = 0; i < changes; i++) {
				leaving.remove(random.nextInt(leaving.size()));
			}
			List<String> arriving = new ArrayList<>(pushed);
			for (int i = 0; i < changes; i++) {
				arriving.add(0, "new" + i);
			}
			arriving = arriving.subList(0, 1000);
			List<String> mixed = new ArrayList<>(pushed);
			int fresh = 0;
			for (int i = 0; i < changes; i++) {
				switch (random.nextInt(3)) {
					case 0 -> mixed.remove(random.nextInt(mixed.size()));
					case 1 -> mixed.add(random.nextInt(mixed.size() + 1), "mix" + fresh++);
					default -> mixed.add(random.nextInt(mixed.size()), mixed.remove(random.nextInt(mixed.size())));
				}
			}
			row(changes, "played out (removals)", pushed, leaving);
			row(changes, "new on top (insertions, limit 1,000)", pushed, arriving);
			row(changes, "random mix (remove, insert, move)", pushed, mixed);
		}
		List<String> shuffled = new ArrayList<>(pushed);
		Collections.shuffle(shuffled, new Random(1));
		row(1000, "all reordered", pushed, shuffled);
		row(0, "no change", pushed, pushed);
	}

	private static void row(int changes, String kind, List<String> pushed, List<String> desired) {
		PlaylistBenchmarkSupport.Plan plan = PlaylistBenchmarkSupport.plan(pushed, desired);
		System.out.printf("| %d | %s | %d | %d | %s | %d |%n", changes, kind, plan.editCalls(), plan.replaceCalls(),
				plan.kind(), plan.calls());
	}

}
