package dev.spotifytracker.plays;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.library.SyncIntegrationTest;
import dev.spotifytracker.spotify.fake.LibrarySpec;
import dev.spotifytracker.spotify.fake.SimPlay;
import dev.spotifytracker.spotify.fake.SimTrack;
import dev.spotifytracker.spotify.fake.SimulatedUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plays job stores recently played exactly once, with one call, and says when plays
 * may have been lost.
 */
class PlaysSyncTest extends SyncIntegrationTest {

	private static final Instant NOW = LibrarySpec.DEFAULT_ENDING_AT.plusSeconds(3600);

	@Autowired
	PlayWrites writes;

	private SimulatedUser alice;

	private AccountId account;

	@BeforeEach
	void aliceWithHistory() {
		this.alice = sim.addUser("alice", "Alice").generateLibrary(LibrarySpec.seed(3).plays(30));
		this.account = account("alice");
	}

	@Test
	void theFirstPollStoresEveryReachablePlayWithItsContextAndNoDuration() {
		// when
		RecordedRun run = run("plays", this.account).orThrow();

		// then
		assertThat(stored()).containsExactlyElementsOf(expected(this.alice.plays()));
		assertThat(run.result().itemsChanged()).isEqualTo(30);
		assertThat(
				this.jdbc.sql("select count(*) from plays where ms_played is not null or source <> 'recently_played'")
					.query(Integer.class)
					.single())
			.isZero();
		assertThat(sim.requests().apiTotal()).isOne();
	}

	@Test
	void newPlaysAreAddedAfterTheNewestStoredOne() {
		// given
		run("plays", this.account).orThrow();
		SimTrack track = this.alice.likedTracks().get(0).track();
		this.alice.play(track, NOW, "spotify:album:" + track.album().id());
		this.alice.play(track, NOW.plusSeconds(200), null);
		sim.requests().reset();

		// when
		RecordedRun run = run("plays", this.account).orThrow();

		// then
		assertThat(run.result().itemsChanged()).isEqualTo(2);
		assertThat(stored()).containsExactlyElementsOf(expected(this.alice.plays()));
		assertThat(sim.requests().all()).singleElement()
			.satisfies((request) -> assertThat(request.query()).contains("after="));
	}

	@Test
	void pollingAgainInsertsNoDuplicate() {
		// given
		run("plays", this.account).orThrow();

		// when
		RecordedRun again = run("plays", this.account).orThrow();

		// then
		assertThat(again.result().itemsChanged()).isZero();
		assertThat(stored()).hasSize(30);
	}

	@Test
	void storingTheSameWindowTwiceInsertsNothingTheSecondTime() {
		// given: a window read without "after" (as if the newest stored play were
		// unknown)
		List<dev.spotifytracker.spotify.PlayedTrack> window = this.clients.forAccount(this.account)
			.recentlyPlayed(null, 50);
		run("plays", this.account).orThrow();

		// when
		int inserted = this.writes.insertRecentlyPlayed(this.account, window);

		// then
		assertThat(inserted).isZero();
		assertThat(stored()).hasSize(30);
	}

	@Test
	void aFullPageNewerThanTheNewestStoredPlayWarnsOfAPossibleGap() {
		// given: 60 plays since the last poll, more than recently played reaches
		run("plays", this.account).orThrow();
		Instant newestStored = this.alice.plays().get(0).playedAt();
		SimTrack track = this.alice.likedTracks().get(0).track();
		for (int i = 0; i < 60; i++) {
			this.alice.play(track, NOW.plusSeconds(240L * i), null);
		}

		// when
		RecordedRun run = run("plays", this.account).orThrow();

		// then
		Instant oldestReturned = NOW.plusSeconds(240L * 10);
		assertThat(run.context().lines()).anyMatch((line) -> line.startsWith("WARN") && line.contains("possible gap")
				&& line.contains(newestStored.toString()) && line.contains(oldestReturned.toString()));
		assertThat(run.context().details()).containsEntry("gap",
				Map.of("from", newestStored.toString(), "to", oldestReturned.toString()));
		assertThat(run.result().itemsChanged()).isEqualTo(50);
	}

	@Test
	void aShortPageIsNoGap() {
		// given
		run("plays", this.account).orThrow();
		this.alice.play(this.alice.likedTracks().get(0).track(), NOW, null);

		// when
		RecordedRun run = run("plays", this.account).orThrow();

		// then
		assertThat(run.context().lines()).noneMatch((line) -> line.contains("possible gap"));
		assertThat(run.context().details()).doesNotContainKey("gap");
	}

	private List<String> stored() {
		return this.jdbc.sql("""
				select track_id || ' ' || to_char(played_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
				       || ' ' || coalesce(context_uri, '-')
				from plays where account_id = ? order by played_at desc
				""").param(this.account.value()).query(String.class).list();
	}

	private static List<String> expected(List<SimPlay> plays) {
		return plays.stream()
			.limit(50)
			.map((play) -> play.track().id() + " " + millis(play.playedAt()) + " "
					+ ((play.contextUri() != null) ? play.contextUri() : "-"))
			.toList();
	}

	private static String millis(Instant instant) {
		return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
			.withZone(java.time.ZoneOffset.UTC)
			.format(instant);
	}

}
