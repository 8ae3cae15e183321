package dev.spotifytracker.plays;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.JobLauncher;
import dev.spotifytracker.job.Launch;
import dev.spotifytracker.job.Trigger;
import dev.spotifytracker.library.SyncIntegrationTest;
import dev.spotifytracker.library.TrackPlays;
import dev.spotifytracker.spotify.fake.LibrarySpec;
import dev.spotifytracker.spotify.fake.SimPlay;
import dev.spotifytracker.spotify.fake.SimTrack;
import dev.spotifytracker.spotify.fake.SimulatedUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the dashboard reads of the play history.
 */
class PlayServiceTest extends SyncIntegrationTest {

	@Autowired
	PlayService playService;

	@Autowired
	JobLauncher launcher;

	private SimulatedUser alice;

	private AccountId account;

	@BeforeEach
	void polledPlays() {
		this.alice = sim.addUser("alice", "Alice").generateLibrary(LibrarySpec.seed(9).plays(40));
		this.account = account("alice");
		run("plays", this.account).orThrow();
	}

	@Test
	void countsFirstAndLastPlaysPerTrack() {
		List<SimPlay> plays = this.alice.plays();
		String track = plays.get(0).track().id();
		List<SimPlay> ofTrack = plays.stream().filter((play) -> play.track().id().equals(track)).toList();

		Map<String, TrackPlays> figures = this.playService.forTracks(this.account, List.of(track, "never-played"));

		assertThat(figures).containsOnlyKeys(track);
		assertThat(figures.get(track)).isEqualTo(new TrackPlays(track, ofTrack.size(),
				ofTrack.get(ofTrack.size() - 1).playedAt(), ofTrack.get(0).playedAt()));
		assertThat(this.playService.count(this.account)).isEqualTo(40);
		assertThat(this.playService.lastPlayedAt(this.account)).contains(plays.get(0).playedAt());
	}

	@Test
	void theGapTheLastPollWarnedAboutIsTold() {
		// given: 60 plays since the newest stored one, more than recently played shows
		Instant newestStored = this.alice.plays().get(0).playedAt();
		SimTrack track = this.alice.plays().get(0).track();
		for (int i = 1; i <= 60; i++) {
			this.alice.play(track, newestStored.plusSeconds(240L * i), null);
		}
		assertThat(this.playService.lastPollGap(this.account)).isEmpty();

		// when
		Launch poll = this.launcher.runNow("plays", this.account, Trigger.API);

		// then: from the newest stored play to the oldest play the poll could still see
		long runId = ((Launch.Finished) poll).run().id();
		assertThat(this.playService.lastPollGap(this.account))
			.contains(new PlayGapWarning(newestStored, newestStored.plusSeconds(240L * 11), runId));
	}

	@Test
	void recentPlaysComeNewestFirstWithNames() {
		List<RecentPlay> recent = this.playService.recent(this.account, 3);

		assertThat(recent).extracting(RecentPlay::trackId)
			.containsExactlyElementsOf(this.alice.plays().stream().limit(3).map((play) -> play.track().id()).toList());
		assertThat(recent.get(0).trackName()).isEqualTo(this.alice.plays().get(0).track().name());
		assertThat(recent.get(0).albumName()).isEqualTo(this.alice.plays().get(0).track().album().name());
	}

}
