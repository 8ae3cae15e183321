package dev.spotifytracker.benchmark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.sql.DataSource;

import dev.spotifytracker.SpotifyTrackerApplication;
import dev.spotifytracker.playlist.SmartPlaylistRule;
import dev.spotifytracker.spotify.fake.SpotifySimulator;
import dev.spotifytracker.support.TestBrowser;
import dev.spotifytracker.support.TestDatabase;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The dashboard's pages at size M (1,000 saved albums, 10,000 liked tracks, 200,000
 * plays, two weeks of job runs and their logs): each page requested {@value #RUNS} times
 * by a signed-in session after {@value #WARM_UP} warm-ups; the table gives the server
 * time (measured by a filter around everything the service does for the request, security
 * and rendering included) and the size of the answer. Not a test: it prints figures.
 *
 * <pre>
 * ./mvnw -B -o -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=target/benchmark-classpath.txt
 * java -Xmx256m -cp target/test-classes:target/classes:$(cat target/benchmark-classpath.txt) \
 *     dev.spotifytracker.benchmark.DashboardBenchmark
 * </pre>
 *
 * or, with the other benchmarks, {@code ./mvnw -Pbench verify}.
 *
 * The service runs on the test PostgreSQL ({@link TestDatabase}) against the Spotify
 * simulator, where the benchmark signs in; the data set is generated with set-based SQL.
 */
public final class DashboardBenchmark {

	static final Instant NOW = Instant.now();

	static final int WARM_UP = 3;

	static final int RUNS = 20;

	static final String PAGE_HEADER = "X-Benchmark-Page";

	private DashboardBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		TestDatabase database = TestDatabase.get();
		SpotifySimulator spotify = SpotifySimulator.start();
		spotify.addUser("bench", "Bench Listener");
		spotify.signInAs("bench");
		int port = freePort();
		ConfigurableApplicationContext app = SpringApplication.from(SpotifyTrackerApplication::main)
			.with(ServerTiming.class)
			.run(BenchmarkApp.arguments(database, spotify, port))
			.getApplicationContext();
		try {
			JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
			jdbc.sql("truncate table accounts, artists, albums, tracks, allowed_users restart identity cascade")
				.update();
			TestBrowser browser = new TestBrowser("http://127.0.0.1:" + port);
			browser.follow("/oauth2/authorization/spotify");
			long account = jdbc.sql("select id from accounts where spotify_user_id = 'bench'")
				.query(Long.class)
				.single();
			long started = System.nanoTime();
			generate(jdbc, account);
			System.out.printf("%nGenerated in %.1f s: %s%n", (System.nanoTime() - started) / 1e9, sizes(jdbc, account));
			System.out.println(
					"Database: " + database.kind() + ", " + jdbc.sql("select version()").query(String.class).single());
			System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, heap "
					+ Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, load average " + loadAverage());
			measure(browser, pages(jdbc, account), app.getBean(ServerTiming.class));
		}
		finally {
			app.close();
			spotify.close();
		}
		System.exit(0);
	}

	/**
	 * Every page of the dashboard, with realistic parameters.
	 */
	static Map<String, String> pages(JdbcClient jdbc, long account) {
		String track = jdbc.sql("""
				select track_id from plays where account_id = ? group by track_id order by count(*) desc limit 1
				""").param(account).query(String.class).single();
		long run = jdbc.sql("select max(id) from job_runs where job = 'library'").query(Long.class).single();
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("Overview", "/");
		pages.put("Jobs", "/jobs");
		pages.put("Jobs, page 10 of the runs", "/jobs?page=10");
		pages.put("A run (200 log lines)", "/jobs/runs/" + run);
		pages.put("A run's live panel (polled)", "/jobs/runs/" + run + "/live");
		pages.put("Logs", "/logs");
		pages.put("Logs, level WARN and text", "/logs?level=WARN&text=retry");
		pages.put("Logs, job and time range", "/logs?job=plays&from=" + localDaysAgo(3) + "&to=" + localDaysAgo(2));
		pages.put("Library (tracks)", "/library");
		pages.put("Library, search", "/library?q=Artist+7");
		pages.put("Library, page 50", "/library?page=50");
		pages.put("Library, albums", "/library?kind=albums");
		pages.put("Library, artists", "/library?kind=artists");
		pages.put("A track", "/library/tracks/" + track);
		pages.put("Playlists", "/playlists");
		for (SmartPlaylistRule rule : SmartPlaylistRule.values()) {
			pages.put("Playlist preview: " + rule.slug(), "/playlists/" + rule.slug() + "/preview");
		}
		pages.put("Settings", "/settings");
		return pages;
	}

	static void measure(TestBrowser browser, Map<String, String> pages, ServerTiming timing) {
		System.out.printf("%n| page | path | median ms | p90 ms | max ms | KB |%n");
		System.out.printf("| --- | --- | ---: | ---: | ---: | ---: |%n");
		for (Map.Entry<String, String> page : pages.entrySet()) {
			int bytes = 0;
			for (int i = 0; i < WARM_UP + RUNS; i++) {
				HttpResponse<String> response = browser.send(HttpRequest
					.newBuilder(URI.create(page.getValue().startsWith("/")
							? "http://127.0.0.1:" + timing.port + page.getValue() : page.getValue()))
					.header(PAGE_HEADER, (i < WARM_UP) ? "warm-up" : page.getKey())
					.GET()
					.build());
				if (response.statusCode() != 200) {
					throw new IllegalStateException(page.getValue() + " answered " + response.statusCode());
				}
				bytes = response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
			}
			long[] times = timing.times(page.getKey());
			Arrays.sort(times);
			System.out.printf("| %s | `%s` | %.1f | %.1f | %.1f | %d |%n", page.getKey(), page.getValue(),
					times[times.length / 2] / 1e6, times[(int) Math.ceil(times.length * 0.9) - 1] / 1e6,
					times[times.length - 1] / 1e6, Math.round(bytes / 1024.0));
		}
		System.out.println("Load average after the requests: " + loadAverage());
	}

	/**
	 * One account at size M. 1,300 albums of 12 tracks by 600 artists; 1,000 saved
	 * (12,000 tracks) and 10,000 liked tracks, 7,000 of them on saved albums: 15,000
	 * library tracks. 200,000 plays over two years on a long tail of 12,000 tracks. 3% of
	 * the library does not play; 20 tracks are excluded. Two weeks of the 10-minute
	 * cycle: 2,016 runs each of library, plays and playlists, with 10 to 200 log lines
	 * per library run.
	 */
	static void generate(JdbcClient jdbc, long account) {
		jdbc.sql("select setseed(0.42)").query().singleRow();
		String[] statements = { """
				insert into artists (id, name)
				select 'ar' || lpad(a::text, 20, '0'), 'Artist ' || a from generate_series(1, 600) a
				""", """
				insert into albums (id, name, album_type, release_date, total_tracks)
				select 'al' || lpad(a::text, 20, '0'), 'Album ' || a, 'album', (1960 + a % 65)::text, 12
				from generate_series(1, 1300) a
				""", """
				insert into album_artists (album_id, position, artist_id)
				select 'al' || lpad(a::text, 20, '0'), 0, 'ar' || lpad((1 + a % 600)::text, 20, '0')
				from generate_series(1, 1300) a
				""", """
				insert into tracks (id, album_id, name, disc_number, track_number, duration_ms, isrc)
				select 'tr' || lpad((a * 12 + n)::text, 20, '0'), 'al' || lpad(a::text, 20, '0'),
				       'Track ' || (a * 12 + n), 1, n + 1, 150000 + (a * 7919 + n * 104729) % 200000,
				       'QZ' || lpad((a * 12 + n)::text, 10, '0')
				from generate_series(1, 1300) a, generate_series(0, 11) n
				""", """
				insert into track_artists (track_id, position, artist_id)
				select t.id, 0, aa.artist_id from tracks t join album_artists aa on aa.album_id = t.album_id
				""", """
				insert into saved_albums (account_id, album_id, added_at)
				select :account, 'al' || lpad(a::text, 20, '0'), :now - a * interval '17 hours'
				from generate_series(1, 1000) a
				""",
				"""
						insert into liked_tracks (account_id, track_id, added_at)
						select :account, id, :now - row_number() over (order by md5(id)) * interval '100 minutes'
						from (select id from tracks where album_id <= 'al' || lpad('1000', 20, '0') order by md5(id) limit 7000) saved
						union all
						select :account, id, :now - row_number() over (order by md5(id)) * interval '3 hours'
						from (select id from tracks where album_id > 'al' || lpad('1000', 20, '0') order by md5(id) limit 3000) other
						""",
				"""
						insert into track_availability (account_id, track_id, is_playable, reason, checked_at)
						select :account, id, h >= 3, case when h < 3 then 'market' end, :now - interval '1 day'
						from (select id, abs(hashtext(id)) % 100 h from tracks) hashed
						""", """
						insert into excluded_tracks (account_id, track_id)
						select :account, 'tr' || lpad(t::text, 20, '0') from generate_series(13, 15600, 780) t
						""",
				"""
						insert into plays (account_id, track_id, played_at, ms_played, source)
						select :account, id, :now - (random() * 730 * 86400) * interval '1 second', 180000, 'history_import'
						from (select id, ceil(2000.0 / k)::int n
						      from (select id, row_number() over (order by md5(id || 'p')) k from tracks) ranked
						      where k <= 12000) counts, generate_series(1, n)
						""",
				"""
						insert into plays (account_id, track_id, played_at, ms_played, source)
						select :account, id, :now - (random() * 730 * 86400) * interval '1 second', 180000, 'recently_played'
						from (select id from tracks order by md5(id || 'q') limit 12000) t, generate_series(1, 20)
						limit 200000 - (select count(*) from plays)
						""",
				"""
						insert into job_runs (job, account_id, trigger, status, started_at, finished_at, api_calls, items,
						                      progress_done, progress_total, message)
						select job, :account, 'schedule', case when c % 97 = 0 then 'failed' else 'succeeded' end,
						       :now - c * interval '10 minutes', :now - c * interval '10 minutes' + interval '4 seconds',
						       3, c % 5, 10, 10, job || ' done'
						from generate_series(1, 2016) c, unnest(array['library', 'plays', 'playlists']) job
						""",
				"""
						insert into logs (run_id, account_id, at, level, message)
						select r.id, :account, r.started_at + l * interval '10 milliseconds',
						       case when l % 50 = 0 then 'WARN' when l % 333 = 0 then 'ERROR' else 'INFO' end,
						       case when l % 50 = 0 then 'Spotify answered 429, retry after 2 s'
						            else r.job || ': page ' || l || ' read' end
						from job_runs r, generate_series(1, case when r.job = 'library' then 10 + r.id % 191 else 5 end) l
						""" };
		for (String statement : statements) {
			JdbcClient.StatementSpec spec = jdbc.sql(statement);
			if (statement.contains(":account")) {
				spec = spec.param("account", account);
			}
			if (statement.contains(":now")) {
				spec = spec.param("now", OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
			}
			spec.update();
		}
		jdbc.sql("vacuum analyze").update();
	}

	static String sizes(JdbcClient jdbc, long account) {
		return jdbc.sql("""
				select format('%s saved albums, %s liked, %s library tracks, %s plays, %s runs, %s log lines',
				  (select count(*) from saved_albums where account_id = :a),
				  (select count(*) from liked_tracks where account_id = :a),
				  (select count(*) from (select track_id from liked_tracks where account_id = :a
				                         union select t.id from saved_albums s join tracks t on t.album_id = s.album_id
				                         where s.account_id = :a) l),
				  (select count(*) from plays where account_id = :a),
				  (select count(*) from job_runs), (select count(*) from logs))
				""").param("a", account).query(String.class).single();
	}

	private static String localDaysAgo(int days) {
		return NOW.minusSeconds(days * 86400L)
			.atZone(java.time.ZoneId.systemDefault())
			.toLocalDateTime()
			.withNano(0)
			.toString();
	}

	static String loadAverage() {
		try {
			String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Times each request the benchmark labels, from the first filter to the last byte
	 * handed to the container.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class ServerTiming {

		final Map<String, ConcurrentLinkedQueue<Long>> times = new ConcurrentHashMap<>();

		int port;

		@Bean
		FilterRegistrationBean<OncePerRequestFilter> benchmarkTiming(
				org.springframework.core.env.Environment environment) {
			this.port = environment.getProperty("server.port", Integer.class, 8080);
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
					new OncePerRequestFilter() {

						@Override
						protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
								FilterChain chain) throws ServletException, IOException {
							long start = System.nanoTime();
							try {
								chain.doFilter(request, response);
								response.flushBuffer();
							}
							finally {
								String page = request.getHeader(PAGE_HEADER);
								if (page != null) {
									ServerTiming.this.times
										.computeIfAbsent(page, (key) -> new ConcurrentLinkedQueue<>())
										.add(System.nanoTime() - start);
								}
							}
						}

					});
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

		long[] times(String page) {
			List<Long> all = new ArrayList<>(this.times.getOrDefault(page, new ConcurrentLinkedQueue<>()));
			return all.stream().mapToLong(Long::longValue).toArray();
		}

	}

}
