package dev.spotifytracker.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import dev.spotifytracker.SpotifyTrackerApplication;
import dev.spotifytracker.account.TestAccounts;
import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.Job;
import dev.spotifytracker.spotify.SpotifyClients;
import dev.spotifytracker.spotify.fake.LibrarySpec;
import dev.spotifytracker.spotify.fake.SimSavedAlbum;
import dev.spotifytracker.spotify.fake.SimulatedUser;
import dev.spotifytracker.spotify.fake.SpotifySimulator;
import dev.spotifytracker.support.DatabaseCleaner;
import dev.spotifytracker.support.TestDatabase;
import dev.spotifytracker.support.TestJobContext;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sync benchmark of issue 5 (a benchmark, not a test): syncs simulator libraries of
 * size S (200 albums, 2,000 liked tracks), M (1,000, 10,000) and L (2,000, 50,000, with
 * 500,000 plays already in the database) and prints, per size and pass, the Spotify calls
 * against the minimum, the wall time, the rows written per second and the heap.
 *
 * <p>
 * Each size starts from an empty database. Passes: {@code first} (the first cycle,
 * library then plays, on an empty database), {@code idle} (a cycle with nothing changed)
 * and {@code reconcile} (the daily full pass). The minimum of a first cycle is ceil(A/50)
 * + ceil(L/50) + X + 1: a page per 50 saved albums and per 50 liked tracks, the extra
 * pages of albums over 50 tracks, and recently played ({@code /me} is not needed). The
 * simulator runs in the same JVM, so its library is part of the heap figures. Run with
 * {@code -Xmx256m} to prove the L size fits:
 *
 * <pre>
 * ./mvnw -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx256m -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.spotifytracker.benchmark.SyncBenchmark [S M L]
 * </pre>
 */
public final class SyncBenchmark {

	private static final Map<String, Size> SIZES = Map.of("S", new Size("S", 200, 2_000, 0), "M",
			new Size("M", 1_000, 10_000, 0), "L", new Size("L", 2_000, 50_000, 500_000));

	private static final String[] WRITTEN_TABLES = { "artists", "albums", "album_artists", "tracks", "track_artists",
			"saved_albums", "liked_tracks", "track_availability", "plays" };

	private SyncBenchmark() {
	}

	public static void main(String[] args) {
		// the simulator's JDK HttpServer would otherwise hold each answer ~40 ms (Nagle);
		// read when the server class loads, so before the simulator starts
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
		List<Size> sizes = new ArrayList<>();
		for (String name : (args.length > 0) ? args : new String[] { "S", "M", "L" }) {
			sizes.add(SIZES.get(name.toUpperCase(Locale.ROOT)));
		}
		List<Row> rows = new ArrayList<>();
		try (SpotifySimulator sim = SpotifySimulator.start();
				ConfigurableApplicationContext app = start(sim);
				HeapWatch heap = new HeapWatch()) {
			for (Size size : sizes) {
				rows.addAll(new Run(app, sim, heap, size).passes());
			}
		}
		print(rows);
	}

	private static ConfigurableApplicationContext start(SpotifySimulator sim) {
		TestDatabase database = TestDatabase.get();
		// as command-line arguments: they outrank application.yml and its environment
		// variables
		return new SpringApplicationBuilder(SpotifyTrackerApplication.class).run(
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(),
				"--tracker.spotify.api-base-url=" + sim.baseUrl(),
				"--tracker.spotify.accounts-base-url=" + sim.baseUrl(), "--tracker.spotify.client-id=" + sim.clientId(),
				"--tracker.spotify.client-secret=" + sim.clientSecret(), "--tracker.jobs.schedules-enabled=false",
				"--server.port=0", "--logging.level.root=warn");
	}

	private static void print(List<Row> rows) {
		System.out.printf(Locale.ROOT, "%nSync benchmark (max heap %d MB, %s)%n", HeapWatch.maxHeap() >> 20,
				TestDatabase.get().kind());
		String format = "| %-4s | %-9s | %6s | %7s | %8s | %11s | %7s | %8s | %12s | %12s |%n";
		System.out.printf(Locale.ROOT, format, "size", "pass", "calls", "minimum", "wall (s)", "Spotify (s)", "rows",
				"rows/s", "peak heap MB", "live heap MB");
		System.out.printf(Locale.ROOT, format, "----", "---------", "------", "-------", "--------", "-----------",
				"-------", "--------", "------------", "------------");
		for (Row row : rows) {
			System.out.printf(Locale.ROOT, format, row.size(), row.pass(), row.calls(),
					(row.minimum() >= 0) ? Integer.toString(row.minimum()) : "-", seconds(row.wall()),
					seconds(row.spotify()), row.rows(),
					String.format(Locale.ROOT, "%.0f", row.rows() / Math.max(0.001, row.wall().toMillis() / 1000.0)),
					row.peakUsed() >> 20, row.peakLive() >> 20);
		}
		System.out.println("rows: rows inserted, updated or deleted in the library and plays tables (net growth for"
				+ " the first cycle, row changes reported by the jobs otherwise)");
		System.out.println("Spotify: time in Spotify calls (HTTP, the simulator's answer, JSON); the rest is ours and"
				+ " the database's");
		System.out.println("peak heap: the heap pools' peaks during the pass, garbage included; live heap: the most"
				+ " left after a collection (the simulator's library, in the same JVM, included)");
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.2f", duration.toMillis() / 1000.0);
	}

	/**
	 * A benchmark size.
	 *
	 * @param plays plays put in the database before the first cycle
	 */
	private record Size(String name, int albums, int likedTracks, int plays) {

	}

	/**
	 * @param spotify the time spent in Spotify calls (HTTP, the simulator, JSON); the
	 * rest of the wall time is ours and the database's
	 */
	private record Row(String size, String pass, int calls, int minimum, Duration wall, Duration spotify, long rows,
			long peakUsed, long peakLive) {

	}

	/**
	 * One size: an empty database and simulator, the library generated, then the passes.
	 */
	private static final class Run {

		private final ConfigurableApplicationContext app;

		private final SpotifySimulator sim;

		private final HeapWatch heap;

		private final Size size;

		private final JdbcClient jdbc;

		Run(ConfigurableApplicationContext app, SpotifySimulator sim, HeapWatch heap, Size size) {
			this.app = app;
			this.sim = sim;
			this.heap = heap;
			this.size = size;
			this.jdbc = app.getBean(JdbcClient.class);
		}

		List<Row> passes() {
			DatabaseCleaner.clean(this.app.getBean(DataSource.class));
			this.sim.reset();
			String user = "bench-" + this.size.name().toLowerCase(Locale.ROOT);
			SimulatedUser simUser = this.sim.addUser(user, user)
				.generateLibrary(LibrarySpec.seed(2026)
					.albums(this.size.albums())
					.likedTracks(this.size.likedTracks())
					.plays(50));
			AccountId account = TestAccounts.signedIn(this.app, this.sim, user);
			seedPlays(account);
			int minimum = pages(simUser.savedAlbums().size()) + pages(simUser.likedTracks().size())
					+ simUser.savedAlbums().stream().mapToInt(SyncBenchmark.Run::extraPages).sum() + 1;
			List<Row> rows = new ArrayList<>();
			rows.add(measure("first", minimum, account, true, "library", "plays"));
			rows.add(measure("idle", 3, account, false, "library", "plays"));
			rows.add(measure("reconcile", -1, account, false, "reconcile"));
			return rows;
		}

		private Row measure(String pass, int minimum, AccountId account, boolean countGrowth, String... jobs) {
			long rowsBefore = countGrowth ? rowCount() : 0;
			long changed = 0;
			AtomicLong spotifyNanos = new AtomicLong();
			this.sim.requests().reset();
			this.heap.reset();
			long start = System.nanoTime();
			for (String name : jobs) {
				TestJobContext context = new TestJobContext(this.app.getBean(SpotifyClients.class), account);
				try {
					changed += job(name).run(new TimedSpotify(context, spotifyNanos)).itemsChanged();
				}
				catch (Exception ex) {
					throw new IllegalStateException(name + " failed in the " + this.size.name() + " benchmark", ex);
				}
			}
			Duration wall = Duration.ofNanos(System.nanoTime() - start);
			long peakUsed = this.heap.peakUsed();
			long peakLive = this.heap.peakLive();
			long rows = countGrowth ? rowCount() - rowsBefore : changed;
			return new Row(this.size.name(), pass, this.sim.requests().apiTotal(), minimum, wall,
					Duration.ofNanos(spotifyNanos.get()), rows, peakUsed, peakLive);
		}

		private Job job(String name) {
			return this.app.getBeansOfType(Job.class)
				.values()
				.stream()
				.filter((job) -> job.name().equals(name))
				.findFirst()
				.orElseThrow();
		}

		/**
		 * Years of imported history on a catalog of their own, older than anything
		 * recently played returns.
		 */
		private void seedPlays(AccountId account) {
			if (this.size.plays() == 0) {
				return;
			}
			this.jdbc.sql("insert into artists (id, name) values ('bench-history-artist', 'History')").update();
			this.jdbc.sql("insert into albums (id, name) values ('bench-history-album', 'History')").update();
			this.jdbc
				.sql("""
						insert into tracks (id, album_id, name)
						select 'bench-history-' || g, 'bench-history-album', 'History ' || g from generate_series(1, 10000) g
						""")
				.update();
			this.jdbc
				.sql("""
						insert into plays (account_id, track_id, played_at, source)
						select ?, 'bench-history-' || (1 + g % 10000), timestamptz '2020-01-01 00:00:00Z' + g * interval '2 minutes',
						       'history_import'
						from generate_series(1, ?) g
						""")
				.params(account.value(), this.size.plays())
				.update();
			this.jdbc.sql("analyze").update();
		}

		private long rowCount() {
			long rows = 0;
			for (String table : WRITTEN_TABLES) {
				rows += this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
			}
			return rows;
		}

		private static int extraPages(SimSavedAlbum saved) {
			return Math.max(0, pages(saved.album().tracks().size()) - 1);
		}

		private static int pages(int entries) {
			return (entries + 49) / 50;
		}

	}

}
