package dev.spotifytracker.library;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.fake.LibrarySpec;
import dev.spotifytracker.spotify.fake.SimulatedUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The availability job asks again, one track per call, about library tracks whose
 * availability the pages left out.
 */
class AvailabilityJobTest extends SyncIntegrationTest {

	@Test
	void unknownTracksAreAskedAboutOnceEachAndStoredAsSpotifyNowSays() {
		// given: a few tracks of unknown availability, which Spotify now knows
		SimulatedUser alice = sim.addUser("alice", "Alice").generateLibrary(LibrarySpec.seed(5).plays(0));
		AccountId account = account("alice");
		run("library", account).orThrow();
		List<String> unknown = unknown(account);
		assertThat(unknown).isNotEmpty().hasSizeLessThanOrEqualTo(50);
		alice.makeAvailable(unknown.get(0));
		unknown.stream().skip(1).forEach((track) -> alice.makeUnavailable(track, "market"));
		sim.requests().reset();

		// when
		RecordedRun run = run("availability", account).orThrow();

		// then
		assertThat(sim.requests().count("GET /v1/tracks/{id}")).isEqualTo(unknown.size());
		assertThat(sim.requests().apiTotal()).isEqualTo(unknown.size());
		assertThat(LibrarySnapshot.stored(this.jdbc, account)).isEqualTo(LibrarySnapshot.of(alice));
		assertThat(unknown(account)).isEmpty();
		assertThat(run.result().itemsChanged()).isEqualTo(unknown.size());
	}

	@Test
	void aRunAsksAboutAtMostTheBatchSizeTheLongestUncheckedFirst() {
		// given: many more unknown tracks than one run may ask about, still unknown
		sim.addUser("bob", "Bob")
			.generateLibrary(LibrarySpec.seed(6).plays(0).unavailableFraction(0).unknownAvailabilityFraction(0.5));
		AccountId account = account("bob");
		run("library", account).orThrow();
		int unknownBefore = unknown(account).size();
		assertThat(unknownBefore).isGreaterThan(100);
		sim.requests().reset();

		// when
		run("availability", account).orThrow();
		Set<String> firstChecked = checkedLast(account, 50);
		run("availability", account).orThrow();
		Set<String> secondChecked = checkedLast(account, 50);

		// then: 50 per run, the second run's 50 are others, all still unknown
		assertThat(sim.requests().count("GET /v1/tracks/{id}")).isEqualTo(100);
		assertThat(secondChecked).doesNotContainAnyElementsOf(firstChecked);
		assertThat(unknown(account)).hasSize(unknownBefore);
	}

	private List<String> unknown(AccountId account) {
		return this.jdbc.sql("select track_id from track_availability where account_id = ? and is_playable is null")
			.param(account.value())
			.query(String.class)
			.list();
	}

	private Set<String> checkedLast(AccountId account, int count) {
		List<Map<String, Object>> rows = this.jdbc.sql("""
				select track_id from track_availability where account_id = ?
				order by checked_at desc, track_id limit ?
				""").params(account.value(), count).query().listOfRows();
		return rows.stream().map((row) -> (String) row.get("track_id")).collect(Collectors.toSet());
	}

}
