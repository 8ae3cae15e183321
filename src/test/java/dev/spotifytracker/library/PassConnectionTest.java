package dev.spotifytracker.library;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.fake.LibrarySpec;
import dev.spotifytracker.spotify.fake.SimulatedUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PassConnectionTest extends SyncIntegrationTest {

	@Autowired
	private DataSource dataSource;

	@Test
	void aPassWaitingOutRetryAfterHoldsNoDatabaseConnection() throws Exception {
		// given a library whose first Spotify answer asks to wait 5 seconds
		SimulatedUser alice = sim.addUser("alice", "Alice")
			.generateLibrary(LibrarySpec.seed(3).likedTracks(60).plays(0));
		AccountId account = account("alice");
		sim.faults().rateLimitNext(1, 5);
		HikariPoolMXBean pool = this.dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();

		// when a library pass runs and is told to wait
		CompletableFuture<RecordedRun> pass = CompletableFuture.supplyAsync(() -> run("library", account));
		await().atMost(Duration.ofSeconds(10)).until(() -> sim.requests().apiTotal() >= 1);

		// then no connection is taken from the pool while it waits
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(3))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> pool.getActiveConnections() == 0);
		assertThat(pass).isNotDone();

		// and the pass then ends with the library stored exactly
		pass.get(60, TimeUnit.SECONDS).orThrow();
		assertThat(LibrarySnapshot.stored(this.jdbc, account)).isEqualTo(LibrarySnapshot.of(alice));
	}

}
