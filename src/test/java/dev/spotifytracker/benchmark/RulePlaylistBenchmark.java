package dev.spotifytracker.benchmark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.spotifytracker.SpotifyTrackerApplication;
import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.playlist.PlaylistBenchmarkSupport;
import dev.spotifytracker.playlist.SmartPlaylistRule;
import dev.spotifytracker.plays.PlayRollups;
import dev.spotifytracker.spotify.fake.SpotifySimulator;
import dev.spotifytracker.support.DatabaseCleaner;
import dev.spotifytracker.support.TestDatabase;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rule playlists at size L: the preview time of the six built-ins written as rules and of
 * ten varied user rules, on {@link PlaylistBenchmark}'s data set (50,000 library tracks,
 * 1,000,000 plays) plus artists, release dates and lengths. Targets (issue 15): median
 * under 150 ms and max under 500 ms per rule. Not a test: it prints figures.
 *
 * <pre>
 * ./mvnw -q -Pbench test-compile exec:exec@rule-playlist-benchmark
 * </pre>
 *
 * With {@code RULE_BENCHMARK_EXPLAIN} set (any value) it prints each rule's
 * {@code EXPLAIN (ANALYZE, BUFFERS)} after its times; {@code RULE_BENCHMARK_ONLY} (a part
 * of a rule's label) times only the rules whose label holds it;
 * {@code RULE_BENCHMARK_SQL} (a directory) writes each rule's query there with its values
 * in place, for psql.
 */
public final class RulePlaylistBenchmark {

	static final int WARM_UP = 2;

	static final int RUNS = 9;

	/** A field or sort key of the plays, or the played source. */
	private static final Pattern PLAY_FIELDS = Pattern.compile(
			"\"field\"\\s*:\\s*\"(plays|playsInLast|listenedMs|skips|lastPlayed|firstPlayed)\"|\"source\"\\s*:\\s*\"played\"");

	private RulePlaylistBenchmark() {
	}

	/** Ten user rules that exercise the grammar's expensive parts. */
	static Map<String, String> userRules() {
		Map<String, String> rules = new LinkedHashMap<>();
		rules.put("forgotten-favourites (RULES.md example)", """
				{"name": "Forgotten favourites", "conditions": [
				  {"field": "plays", "op": "gte", "value": 5},
				  {"field": "lastPlayed", "op": "notInLast", "days": 180},
				  {"match": "any", "conditions": [
				    {"field": "artist", "op": "in", "value": ["Artist 7", "Artist 42", "ar00000000000000000099"]},
				    {"field": "releaseYear", "op": "between", "value": [1990, 1999]}]}],
				 "sort": [{"field": "plays", "dir": "desc"}, {"field": "lastPlayed", "dir": "asc"}],
				 "limit": {"tracks": 100}}""");
		rules.put("hot this month (playsInLast)", """
				{"name": "Hot", "conditions": [{"field": "playsInLast", "days": 30, "op": "gte", "value": 3}],
				 "sort": [{"field": "playsInLast", "days": 30, "dir": "desc"}], "limit": {"tracks": 100}}""");
		rules.put("artists in, album order", """
				{"name": "Artists", "conditions": [{"field": "artist", "op": "in",
				   "value": ["Artist 1", "ARTIST 2", "artist 3", "Artist 400", "Artist 1999"]}],
				 "sort": [{"field": "albumOrder"}]}""");
		rules.put("two hours of recent likes (minutes)", """
				{"name": "Two hours", "source": "liked", "conditions": [
				  {"field": "durationMs", "op": "between", "value": [120000, 300000]}],
				 "sort": [{"field": "likedAt", "dir": "desc"}], "limit": {"minutes": 120}}""");
		rules.put("shuffle of the rarely played (random)", """
				{"name": "Shuffle", "conditions": [{"field": "plays", "op": "between", "value": [1, 5]}],
				 "sort": [{"field": "random", "seed": 42}], "limit": {"tracks": 200}}""");
		rules.put("text search, not explicit", """
				{"name": "Twelve", "conditions": [{"field": "trackName", "op": "contains", "value": "12"},
				  {"field": "explicit", "op": "ne", "value": true}],
				 "sort": [{"field": "trackName"}]}""");
		rules.put("played this week, any source", """
				{"name": "This week", "source": "played", "conditions": [
				  {"field": "lastPlayed", "op": "inLast", "days": 7}],
				 "sort": [{"field": "lastPlayed", "dir": "desc"}]}""");
		rules.put("nested groups three deep", """
				{"name": "Nested", "match": "any", "conditions": [
				  {"match": "all", "conditions": [
				    {"field": "liked", "op": "eq", "value": true},
				    {"match": "any", "conditions": [
				      {"field": "plays", "op": "eq", "value": 0},
				      {"match": "all", "conditions": [
				        {"field": "releaseYear", "op": "gte", "value": 2010},
				        {"field": "lastPlayed", "op": "notInLast", "days": 365}]}]}]},
				  {"match": "all", "conditions": [
				    {"field": "inSavedAlbum", "op": "eq", "value": true},
				    {"field": "playsInLast", "days": 90, "op": "gte", "value": 10}]}],
				 "sort": [{"field": "addedAt", "dir": "desc"}, {"field": "artist"}], "limit": {"tracks": 500}}""");
		rules.put("most listened time (listenedMs)", """
				{"name": "Listened", "conditions": [{"field": "listenedMs", "op": "gte", "value": 600000}],
				 "sort": [{"field": "listenedMs", "dir": "desc"}], "limit": {"tracks": 50}}""");
		rules.put("albums by name, undated, with exclusions", """
				{"name": "Albums", "match": "any", "conditions": [
				  {"field": "album", "op": "startsWith", "value": "album 1"},
				  {"field": "releaseYear", "op": "isNull"},
				  {"field": "addedAt", "op": "between", "value": ["2026-01-01", "2026-06-30T23:59:59Z"]}],
				 "sort": [{"field": "albumName"}, {"field": "albumOrder"}],
				 "exclude": {"artists": ["ar00000000000000000007"], "albums": ["al00000000000000000001"]}}""");
		return rules;
	}

	public static void main(String[] args) throws Exception {
		TestDatabase database = TestDatabase.get();
		SpotifySimulator spotify = SpotifySimulator.start();
		// the service itself, for the play rollups it keeps in the transaction of every
		// write of plays: an account's figures come from them as they do in use
		ConfigurableApplicationContext app;
		try {
			app = SpringApplication.from(SpotifyTrackerApplication::main)
				.run(BenchmarkApp.arguments(database, spotify, freePort()))
				.getApplicationContext();
		}
		catch (RuntimeException ex) {
			// the simulator's server thread would keep the JVM (and the benchmark lock)
			// alive
			spotify.close();
			throw ex;
		}
		try {
			DataSource dataSource = app.getBean(DataSource.class);
			DatabaseCleaner.clean(dataSource);
			JdbcClient jdbc = JdbcClient.create(dataSource);

			long started = System.nanoTime();
			long account = PlaylistBenchmark.generate(jdbc);
			enrich(jdbc);
			new TransactionTemplate(app.getBean(PlatformTransactionManager.class))
				.executeWithoutResult((status) -> app.getBean(PlayRollups.class).rebuild(new AccountId(account)));
			jdbc.sql("vacuum (analyze)").update();
			System.out.printf("%nGenerated in %.1f s (play rollups built): %s%n", (System.nanoTime() - started) / 1e9,
					PlaylistBenchmark.sizes(jdbc, account));
			System.out.println(
					"Database: " + database.kind() + ", " + jdbc.sql("select version()").query(String.class).single());
			System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, load average "
					+ PlaylistBenchmark.loadAverage() + " (other work on the machine slows the queries)");

			System.out.println("Counted plays: " + jdbc.sql("select count(*) from counted_plays where account_id = ?")
				.param(account)
				.query(Long.class)
				.single());

			PlaylistBenchmarkSupport support = new PlaylistBenchmarkSupport(jdbc);
			Map<String, String> rules = new LinkedHashMap<>();
			for (SmartPlaylistRule rule : SmartPlaylistRule.values()) {
				rules.put("built-in " + rule.slug(), PlaylistBenchmarkSupport.builtInDocument(rule));
			}
			rules.putAll(userRules());
			System.out.printf(
					"%n| rule (preview through the rule compiler) | reads plays | tracks | matched | min ms | median ms | max ms |%n");
			System.out.printf("| --- | --- | ---: | ---: | ---: | ---: | ---: |%n");
			List<String> empty = new ArrayList<>();
			String only = System.getenv().getOrDefault("RULE_BENCHMARK_ONLY", "");
			boolean explain = System.getenv("RULE_BENCHMARK_EXPLAIN") != null;
			for (Map.Entry<String, String> rule : rules.entrySet()) {
				if (!rule.getKey().contains(only)) {
					continue;
				}
				PlaylistBenchmarkSupport.Selection selection = time(support, account, rule.getKey(), rule.getValue());
				if (selection.matching() == 0) {
					empty.add(rule.getKey());
				}
				String sqlDirectory = System.getenv("RULE_BENCHMARK_SQL");
				if (sqlDirectory != null) {
					java.nio.file.Files.createDirectories(java.nio.file.Path.of(sqlDirectory));
					java.nio.file.Files.writeString(
							java.nio.file.Path.of(sqlDirectory,
									rule.getKey().replaceAll("[^A-Za-z0-9]+", "-") + ".sql"),
							PlaylistBenchmarkSupport.literalSql(account, rule.getValue(), PlaylistBenchmark.NOW));
				}
				if (explain) {
					System.out.println();
					support.explainRule(jdbc, account, rule.getValue(), PlaylistBenchmark.NOW)
						.forEach((line) -> System.out.println("    " + line));
					System.out.println();
				}
			}
			System.out.println("Load average after the queries: " + PlaylistBenchmark.loadAverage());
			if (!empty.isEmpty()) {
				// a rule that matches nothing is timed on an empty join: its figure says
				// nothing
				System.out.println("FAILED: these rules matched no track, so their times measure nothing: " + empty);
				System.exit(1);
			}
		}
		finally {
			app.close();
			spotify.close();
		}
		System.exit(0);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Whether the rule reads the plays (a field or sort key of them, or the played
	 * source).
	 */
	static boolean readsPlays(String document) {
		return PLAY_FIELDS.matcher(document).find();
	}

	/**
	 * What the playlist benchmark's data set lacks for rules: 2,000 artists credited on
	 * every track (a second artist on one track in five), release dates (none on one
	 * album in fifty), lengths and explicit flags.
	 */
	static void enrich(JdbcClient jdbc) {
		String[] statements = { """
				insert into artists (id, name)
				select 'ar' || lpad(a::text, 20, '0'), 'Artist ' || a from generate_series(1, 2000) a
				""", """
				insert into track_artists (track_id, position, artist_id)
				select t.id, 0, 'ar' || lpad((1 + abs(hashtext(t.album_id)) % 2000)::text, 20, '0') from tracks t
				""", """
				insert into track_artists (track_id, position, artist_id)
				select t.id, 1, 'ar' || lpad((1 + abs(hashtext(t.id)) % 2000)::text, 20, '0') from tracks t
				where abs(hashtext(t.id)) % 5 = 0
				  and 'ar' || lpad((1 + abs(hashtext(t.id)) % 2000)::text, 20, '0')
				      <> 'ar' || lpad((1 + abs(hashtext(t.album_id)) % 2000)::text, 20, '0')
				""", """
				update albums set release_date = case when abs(hashtext(id)) % 50 = 0 then null
				    else (1960 + abs(hashtext(id)) % 66)::text || '-05-01' end
				""", """
				update tracks set duration_ms = 90000 + abs(hashtext(id)) % 300000, explicit = abs(hashtext(id)) % 7 = 0
				""" };
		for (String statement : statements) {
			jdbc.sql(statement).update();
		}
		jdbc.sql("vacuum (analyze)").update();
	}

	static PlaylistBenchmarkSupport.Selection time(PlaylistBenchmarkSupport support, long account, String label,
			String document) {
		PlaylistBenchmarkSupport.Selection selection = null;
		for (int i = 0; i < WARM_UP; i++) {
			selection = support.selectRule(account, document, PlaylistBenchmark.NOW);
		}
		long[] times = new long[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			selection = support.selectRule(account, document, PlaylistBenchmark.NOW);
			times[i] = System.nanoTime() - start;
		}
		Arrays.sort(times);
		System.out.printf("| %s | %s | %d | %d | %.0f | %.0f | %.0f |%n", label, readsPlays(document) ? "yes" : "no",
				selection.trackIds().size(), selection.matching(), times[0] / 1e6, times[RUNS / 2] / 1e6,
				times[RUNS - 1] / 1e6);
		return selection;
	}

}
