package dev.spotifytracker.app;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;

import javax.sql.DataSource;

import dev.spotifytracker.SpotifyTrackerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The service as a new user starts it: no database settings, so the embedded PostgreSQL
 * with its data in TRACKER_DATA_DIR.
 */
class EmbeddedDatabaseTest {

	@TempDir
	Path dataDir;

	@Test
	void dataWrittenBeforeARestartIsThereAfterIt() {
		try (ConfigurableApplicationContext first = start()) {
			jdbc(first).sql("insert into accounts (spotify_user_id, display_name) values ('alice', 'Alice')").update();
		}

		try (ConfigurableApplicationContext second = start()) {
			String name = jdbc(second).sql("select display_name from accounts where spotify_user_id = 'alice'")
				.query(String.class)
				.single();
			assertThat(name).isEqualTo("Alice");
		}
	}

	@Test
	void theEmbeddedServerStopsWithTheService() throws Exception {
		int port;
		try (ConfigurableApplicationContext context = start()) {
			assertThat(context.getBean(DatabaseChoice.class)).isInstanceOf(DatabaseChoice.Embedded.class);
			port = context.getBean(DatabaseConfiguration.EmbeddedDatabaseHolder.class).server().port();
			assertThat(port).isPositive();
			try (Socket socket = new Socket("127.0.0.1", port)) {
				assertThat(socket.isConnected()).isTrue();
			}
		}

		assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(java.io.IOException.class);
		assertThat(this.dataDir.resolve("postgres/PG_VERSION")).exists();
	}

	@Test
	void thePortComesFromPort() throws Exception {
		int free;
		try (ServerSocket socket = new ServerSocket(0)) {
			free = socket.getLocalPort();
		}

		try (ConfigurableApplicationContext context = start("PORT=" + free)) {
			assertThat(context.getEnvironment().getProperty("local.server.port")).isEqualTo(Integer.toString(free));
		}
	}

	private ConfigurableApplicationContext start() {
		return start("PORT=0");
	}

	private ConfigurableApplicationContext start(String port) {
		return new SpringApplicationBuilder(SpotifyTrackerApplication.class)
			.properties("TRACKER_DATA_DIR=" + this.dataDir, port, "tracker.jobs.schedules-enabled=false")
			// arguments outrank a DATABASE_URL or DB_* the developer's shell may hold
			.run("--tracker.database.url=", "--tracker.database.host=", "--tracker.database.port=",
					"--tracker.database.name=", "--tracker.database.user=", "--tracker.database.password=");
	}

	private static JdbcClient jdbc(ConfigurableApplicationContext context) {
		return JdbcClient.create(context.getBean(DataSource.class));
	}

}
