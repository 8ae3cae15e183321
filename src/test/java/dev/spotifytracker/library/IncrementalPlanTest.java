package dev.spotifytracker.library;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.spotifytracker.library.IncrementalPlan.Entry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IncrementalPlanTest {

	private static final Instant T1 = Instant.parse("2026-01-01T10:00:00Z");

	private static final Instant T2 = Instant.parse("2026-01-02T10:00:00Z");

	private static final Instant T3 = Instant.parse("2026-01-03T10:00:00Z");

	@Test
	void aPageReachesKnownEntriesWhenAnEntryIsStoredWithTheSameAddedAt() {
		// given: the newest entry is new, the second one is stored as it is
		List<Entry> page = List.of(new Entry("new", T3), new Entry("known", T2));

		// when / then
		assertThat(IncrementalPlan.reachesKnownEntry(page, Map.of("known", T2))).isTrue();
	}

	@Test
	void anEntryStoredWithAnotherAddedAtWasSavedAgainAndIsNotAKnownEntry() {
		// given: removed and saved again since the last sync: it moved to the top
		List<Entry> page = List.of(new Entry("again", T3));

		// when / then
		assertThat(IncrementalPlan.reachesKnownEntry(page, Map.of("again", T1))).isFalse();
	}

	@Test
	void aPageOfNewEntriesAsksForTheNextPage() {
		List<Entry> page = List.of(new Entry("a", T3), new Entry("b", T2));

		assertThat(IncrementalPlan.reachesKnownEntry(page, Map.of())).isFalse();
	}

	@Test
	void anEmptyPageReachesNothing() {
		assertThat(IncrementalPlan.reachesKnownEntry(List.of(), Map.of("a", T1))).isFalse();
	}

	@Test
	void matchingCountsAndNothingMissingNeedNoFullPass() {
		assertThat(IncrementalPlan.check(120, 120, 0, null).consistent()).isTrue();
	}

	@Test
	void moreStoredThanSpotifyCountsMeansARemoval() {
		IncrementalPlan.Verdict verdict = IncrementalPlan.check(119, 120, 0, null);

		assertThat(verdict.consistent()).isFalse();
		assertThat(verdict.reason()).contains("Spotify counts 119").contains("1 removed");
	}

	@Test
	void fewerStoredThanSpotifyCountsMeansOlderEntriesAreMissing() {
		IncrementalPlan.Verdict verdict = IncrementalPlan.check(121, 120, 0, null);

		assertThat(verdict.consistent()).isFalse();
		assertThat(verdict.reason()).contains("missing");
	}

	@Test
	void aStoredEntryMissingFromThePagesReadNeedsAFullPassEvenWhenCountsMatch() {
		// one removed within the first page, one added deeper (only a full pass can tell)
		IncrementalPlan.Verdict verdict = IncrementalPlan.check(120, 120, 1, null);

		assertThat(verdict.consistent()).isFalse();
		assertThat(verdict.reason()).contains("gone from Spotify");
	}

	@Test
	void theGapTheLastFullPassLeftIsNoReasonForAnotherOne() {
		// two liked entries Spotify relinks to one track id are one stored row
		IncrementalPlan.LastFullPass lastFullPass = new IncrementalPlan.LastFullPass(120, 119);

		assertThat(IncrementalPlan.check(125, 124, 0, lastFullPass).consistent()).isTrue();
	}

	@Test
	void aChangedGapNeedsAFullPassEvenWhenCountsNowMatch() {
		// the gap of one hid a removal that brought the counts level
		IncrementalPlan.Verdict verdict = IncrementalPlan.check(119, 119, 0,
				new IncrementalPlan.LastFullPass(120, 119));

		assertThat(verdict.consistent()).isFalse();
		assertThat(verdict.reason()).contains("Spotify counts 119").contains("last full pass left a difference of 1");
	}

	@Test
	void aStoredEntryMissingFromThePagesNeedsAFullPassWhateverTheGap() {
		assertThat(IncrementalPlan.check(121, 120, 1, new IncrementalPlan.LastFullPass(121, 120)).consistent())
			.isFalse();
	}

}
