package dev.spotifytracker.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.JobRun;
import dev.spotifytracker.job.JobRuns;
import dev.spotifytracker.job.RunStatus;
import dev.spotifytracker.job.Trigger;
import dev.spotifytracker.plays.HistoryImports;
import dev.spotifytracker.spotify.fake.LibrarySpec;
import dev.spotifytracker.spotify.fake.SimulatedUser;
import dev.spotifytracker.support.IntegrationTest;
import dev.spotifytracker.support.TestSpotify;
import dev.spotifytracker.support.Viewers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo's history comes in through the importer, from a generated export kept for the
 * Import page, and only once.
 */
@IntegrationTest
class DemoHistoryTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	HistoryImports imports;

	@Autowired
	JobRuns runs;

	@TempDir
	Path dataDir;

	@Test
	void theDemoHistoryArrivesThroughAnImportOfAKeptExport() {
		// given
		SimulatedUser listener = TestSpotify.simulator()
			.addUser("demo-history", "Demo History")
			.generateLibrary(LibrarySpec.seed(2026).albums(20).likedTracks(100).plays(600).playYears(2).playlists(0));
		AccountId account = Viewers.create(this.jdbc, "demo-history", "owner", "UTC");
		Path export = this.dataDir.resolve(DemoExport.FILE_NAME);
		DemoHistory history = new DemoHistory(this.jdbcTemplate, listener, this.imports, export);

		// when
		Long runId = history.load();

		// then
		JobRun run = ended(runId);
		assertThat(run.job()).isEqualTo("import");
		assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
		int exported = listener.plays().size() - DemoHistory.POLLED;
		assertThat(this.jdbc.sql("""
				select count(*) from plays where account_id = ? and source = 'history_import' and import_id is not null
				""").param(account.value()).query(Long.class).single()).isEqualTo(exported);
		assertThat(this.jdbc.sql("select status, added, summary from imports where account_id = ?")
			.param(account.value())
			.query((rs, row) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3))
			.single()).startsWith("succeeded " + exported + " " + DemoExport.FILE_NAME + ": ")
			.contains(String.format("%,d plays added", exported));
		assertThat(export).as("kept for the Import page").isRegularFile();
	}

	@Test
	void theDemoImportsOnceAndItsExportImportedAgainAddsNothing() {
		// given
		SimulatedUser listener = TestSpotify.simulator()
			.addUser("demo-again", "Demo Again")
			.generateLibrary(LibrarySpec.seed(7).albums(10).likedTracks(50).plays(300).playYears(2).playlists(0));
		AccountId account = Viewers.create(this.jdbc, "demo-again", "owner", "UTC");
		Path export = this.dataDir.resolve(DemoExport.FILE_NAME);
		DemoHistory history = new DemoHistory(this.jdbcTemplate, listener, this.imports, export);
		ended(history.load());

		// when
		Long second = history.load();
		JobRun again = ended(this.imports.importFile(account, export, Trigger.DASHBOARD));

		// then
		assertThat(second).as("a restarted demo imports nothing").isNull();
		assertThat(again.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(this.jdbc.sql("select added from imports where account_id = ? order by id")
			.param(account.value())
			.query(Long.class)
			.list()).containsExactly((long) (listener.plays().size() - DemoHistory.POLLED), 0L);
		assertThat(Files.exists(export)).isTrue();
	}

	private JobRun ended(Long runId) {
		assertThat(runId).isNotNull();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.runs.run(runId).map((run) -> !run.isRunning()).orElse(false));
		return this.runs.run(runId).orElseThrow();
	}

}
