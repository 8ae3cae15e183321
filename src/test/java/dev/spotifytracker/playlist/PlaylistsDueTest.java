package dev.spotifytracker.playlist;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.JobLauncher;
import dev.spotifytracker.job.JobRun;
import dev.spotifytracker.job.Launch;
import dev.spotifytracker.job.RunStatus;
import dev.spotifytracker.job.Trigger;
import dev.spotifytracker.library.SyncIntegrationTest;
import dev.spotifytracker.spotify.fake.LibrarySpec;
import dev.spotifytracker.spotify.fake.SimTrack;
import dev.spotifytracker.spotify.fake.SimulatedUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cycle pushes the smart playlists only when the library or the plays changed since
 * the last push: the library and the plays announce their changes (events), the playlist
 * module remembers them (table {@code playlists_due}), and its job tells the cycle when
 * it has nothing to do. Real jobs, the simulator over HTTP, the test PostgreSQL.
 */
class PlaylistsDueTest extends SyncIntegrationTest {

	private static final Instant LATER = LibrarySpec.DEFAULT_ENDING_AT.plusSeconds(3600);

	@Autowired
	JobLauncher launcher;

	private SimulatedUser alice;

	private AccountId account;

	@BeforeEach
	void aliceWithALibrary() {
		this.alice = sim.addUser("alice", "Alice")
			.generateLibrary(LibrarySpec.seed(5).albums(3).likedTracks(20).plays(5));
		this.account = account("alice");
	}

	@Test
	void theFirstCyclePushesThePlaylistsAndTheNextWithNothingNewLeavesThemAlone() {
		// given
		JobRun first = cycle();
		assertThat(step(first, "playlists")).containsEntry("status", "succeeded");
		assertThat(this.alice.playlists()).isNotEmpty();
		sim.requests().reset();

		// when
		JobRun second = cycle();

		// then
		assertThat(step(second, "playlists")).containsEntry("status", "not needed: nothing changed");
		assertThat(sim.requests().all()).noneMatch((request) -> request.path().contains("playlists"));
	}

	@Test
	void newPlaysMakeTheNextCyclePushThePlaylists() {
		// given
		cycle();
		SimTrack track = this.alice.likedTracks().get(0).track();
		this.alice.play(track, LATER, null);

		// when
		JobRun cycle = cycle();

		// then
		assertThat(step(cycle, "plays")).containsEntry("items", 1);
		assertThat(step(cycle, "playlists")).containsEntry("status", "succeeded");
	}

	@Test
	void aLibraryChangeSyncedOutsideTheCycleIsPushedByTheNextCycle() {
		// given: the cycle ran, then a like synced by the library job alone (dashboard)
		cycle();
		List<String> liked = this.alice.likedTracks().stream().map((like) -> like.track().id()).toList();
		SimTrack track = this.alice.savedAlbums()
			.stream()
			.flatMap((saved) -> saved.album().tracks().stream())
			.filter((candidate) -> !liked.contains(candidate.id()))
			.findFirst()
			.orElseThrow();
		this.alice.like(track, LATER);
		assertThat(finished(this.launcher.runNow("library", this.account, Trigger.DASHBOARD)).items()).isPositive();

		// when
		JobRun cycle = cycle();

		// then: the cycle's own library step found nothing new, the playlists are pushed
		assertThat(step(cycle, "library")).containsEntry("items", 0);
		assertThat(step(cycle, "playlists")).containsEntry("status", "succeeded");
	}

	@Test
	void aFailedPushLeavesThePlaylistsDueSoTheNextCycleTriesAgain() {
		// given: a push whose playlist creation fails
		this.alice.play(this.alice.likedTracks().get(0).track(), LATER, null);
		sim.faults().failOn("POST /v1/me/playlists", 0, 500);
		assertThat(step(cycle(), "playlists")).containsEntry("status", "failed");
		sim.faults().clear();

		// when
		JobRun retry = cycle();

		// then
		assertThat(step(retry, "playlists")).containsEntry("status", "succeeded");
		assertThat(this.alice.playlists()).isNotEmpty();
	}

	private JobRun cycle() {
		return finished(this.launcher.runNow("all", this.account, Trigger.SCHEDULE));
	}

	private static JobRun finished(Launch launch) {
		assertThat(launch).isInstanceOf(Launch.Finished.class);
		JobRun run = ((Launch.Finished) launch).run();
		assertThat(run.status()).isIn(RunStatus.SUCCEEDED, RunStatus.FAILED);
		return run;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> step(JobRun cycle, String job) {
		return ((List<Map<String, Object>>) cycle.details().get("steps")).stream()
			.filter((step) -> job.equals(step.get("job")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No step " + job + " in " + cycle.details()));
	}

}
