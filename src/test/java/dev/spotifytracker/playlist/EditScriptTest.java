package dev.spotifytracker.playlist;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The edit script and the choice between it and a full replace. Each plan is applied to
 * the old list the way Spotify applies it ({@link InMemoryPlaylist}) and must give the
 * desired list exactly.
 */
class EditScriptTest {

	@Test
	void anUnchangedListCostsNoCall() {
		List<String> list = tracks(0, 1000);

		PushPlan plan = PushPlan.between(list, true, list);

		assertThat(plan.kind()).isEqualTo(PushPlan.Kind.NONE);
		assertThat(plan.calls()).isEmpty();
	}

	@Test
	void oneTrackPlayedOutOfNeverPlayedCostsOneCall() {
		List<String> old = tracks(0, 1000);
		List<String> desired = new ArrayList<>(old);
		desired.remove(417);

		PushPlan plan = PushPlan.between(old, true, desired);

		assertThat(plan.calls()).containsExactly(new PushPlan.Remove(List.of("t417")));
		assertThat(InMemoryPlaylist.apply(old, plan)).isEqualTo(desired);
	}

	@Test
	void oneNewTrackAtTheTopCostsOneCall() {
		List<String> old = tracks(0, 1000);
		List<String> desired = new ArrayList<>(old);
		desired.add(0, "new");

		PushPlan plan = PushPlan.between(old, true, desired);

		assertThat(plan.calls()).containsExactly(new PushPlan.Add(List.of("new"), 0));
		assertThat(InMemoryPlaylist.apply(old, plan)).isEqualTo(desired);
	}

	@Test
	void aNewTrackAtTheTopPushingTheLastOneOutOfTheLimitCostsTwoCalls() {
		List<String> old = tracks(0, 1000);
		List<String> desired = new ArrayList<>(old.subList(0, 999));
		desired.add(0, "new");

		PushPlan plan = PushPlan.between(old, true, desired);

		assertThat(plan.calls()).containsExactly(new PushPlan.Remove(List.of("t999")),
				new PushPlan.Add(List.of("new"), 0));
		assertThat(InMemoryPlaylist.apply(old, plan)).isEqualTo(desired);
	}

	@Test
	void aMovedTrackIsRemovedAndInsertedAtItsNewPlace() {
		List<String> old = tracks(0, 500);
		List<String> desired = new ArrayList<>(old);
		desired.remove("t300");
		desired.add(10, "t300");

		PushPlan plan = PushPlan.between(old, true, desired);

		assertThat(plan.calls()).containsExactly(new PushPlan.Remove(List.of("t300")),
				new PushPlan.Add(List.of("t300"), 10));
		assertThat(InMemoryPlaylist.apply(old, plan)).isEqualTo(desired);
	}

	@Test
	void aFullRewriteIsAFullReplace() {
		List<String> old = tracks(0, 1000);
		List<String> desired = tracks(5000, 1000);

		PushPlan plan = PushPlan.between(old, true, desired);

		assertThat(plan.kind()).isEqualTo(PushPlan.Kind.REPLACE);
		assertThat(plan.calls()).hasSize(10).first().isEqualTo(new PushPlan.Replace(desired.subList(0, 100)));
		assertThat(plan.calls().subList(1, 10)).allMatch(
				(call) -> call instanceof PushPlan.Add add && add.position() == null && add.tracks().size() == 100);
		assertThat(InMemoryPlaylist.apply(old, plan)).isEqualTo(desired);
	}

	@Test
	void aRunLongerThanOneHundredIsInsertedInCallsAtAdvancingPositions() {
		List<String> old = tracks(0, 1000);
		List<String> desired = new ArrayList<>(old);
		desired.addAll(400, tracks(5000, 250));

		PushPlan plan = PushPlan.between(old, true, desired);

		assertThat(plan.calls()).extracting((call) -> ((PushPlan.Add) call).position()).containsExactly(400, 500, 600);
		assertThat(InMemoryPlaylist.apply(old, plan)).isEqualTo(desired);
	}

	@Test
	void moreThanOneHundredRemovalsGoInBatchesOfOneHundred() {
		List<String> old = tracks(0, 1000);
		List<String> desired = new ArrayList<>(old);
		desired.removeIf((track) -> Integer.parseInt(track.substring(1)) % 4 == 0);

		PushPlan plan = PushPlan.between(old, true, desired);

		assertThat(plan.calls()).hasSize(3).allMatch((call) -> call instanceof PushPlan.Remove);
		assertThat(plan.calls()).extracting((call) -> call.tracks().size()).containsExactly(100, 100, 50);
		assertThat(InMemoryPlaylist.apply(old, plan)).isEqualTo(desired);
	}

	@Test
	void anEmptyDesiredListEmptiesThePlaylistWithOneReplace() {
		List<String> old = tracks(0, 300);

		PushPlan plan = PushPlan.between(old, true, List.of());

		assertThat(plan.calls()).containsExactly(new PushPlan.Replace(List.of()));
	}

	@Test
	void aPlaylistWeCannotTrustGetsAFullReplaceEvenWhenTheListsLookEqual() {
		List<String> list = tracks(0, 150);

		PushPlan plan = PushPlan.between(list, false, list);

		assertThat(plan.kind()).isEqualTo(PushPlan.Kind.REPLACE);
		assertThat(plan.calls()).hasSize(2);
		assertThat(InMemoryPlaylist.apply(List.of("x", "x"), plan)).isEqualTo(list);
	}

	@Test
	void anOldListWithDuplicatesGetsAFullReplace() {
		List<String> old = List.of("a", "b", "a", "c");
		List<String> desired = List.of("a", "b", "c");

		PushPlan plan = PushPlan.between(old, true, desired);

		assertThat(plan.kind()).isEqualTo(PushPlan.Kind.REPLACE);
		assertThat(InMemoryPlaylist.apply(old, plan)).isEqualTo(desired);
	}

	@Test
	void aDesiredListWithDuplicatesIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> PushPlan.between(List.of(), true, List.of("a", "a")));
	}

	@Test
	void onATieTheEditScriptWinsSoTheKeptTracksKeepTheirAddedDates() {
		List<String> old = tracks(0, 50);
		List<String> desired = new ArrayList<>(old);
		desired.remove(3);

		PushPlan plan = PushPlan.between(old, true, desired);

		assertThat(plan.kind()).isEqualTo(PushPlan.Kind.EDIT);
		assertThat(plan.calls()).hasSize(1);
	}

	@Test
	void randomChangesAlwaysGiveTheDesiredListWithNoMoreCallsThanAFullReplace() {
		Random random = new Random(20261125L);
		for (int round = 0; round < 3000; round++) {
			List<String> old = randomList(random, random.nextInt(400));
			List<String> desired = mutate(random, old, random.nextInt(60));

			PushPlan plan = PushPlan.between(old, true, desired);

			assertThat(InMemoryPlaylist.apply(old, plan)).as("round %d", round).isEqualTo(desired);
			assertThat(plan.calls().size()).isLessThanOrEqualTo(PushPlan.fullReplace(desired).calls().size());
			assertThat(plan.calls().isEmpty()).isEqualTo(old.equals(desired));
		}
	}

	@Test
	void theEditScriptKeepsALongestCommonSubsequence() {
		Random random = new Random(7L);
		for (int round = 0; round < 500; round++) {
			List<String> old = randomList(random, random.nextInt(40));
			List<String> desired = mutate(random, old, random.nextInt(15));

			EditScript script = EditScript.between(old, desired);

			int kept = old.size() - script.removals().size();
			assertThat(kept).as("round %d", round).isEqualTo(lcsLength(old, desired));
			assertThat(InMemoryPlaylist.apply(old, PushPlan.edit(script))).isEqualTo(desired);
		}
	}

	@Test
	void tenThousandTrackListsAreDiffedQuickly() {
		Random random = new Random(3L);
		List<String> old = tracks(0, 10_000);
		List<String> desired = new ArrayList<>(old);
		Collections.shuffle(desired, random);
		List<String> fewChanges = mutate(random, old, 200);

		// an n x m table would be 10^8 cells per diff; n log n is a few milliseconds
		assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
			for (int i = 0; i < 50; i++) {
				EditScript.between(old, desired);
				PushPlan.between(old, true, fewChanges);
			}
		});

		assertThat(InMemoryPlaylist.apply(old, PushPlan.between(old, true, desired))).isEqualTo(desired);
		assertThat(InMemoryPlaylist.apply(old, PushPlan.edit(EditScript.between(old, desired)))).isEqualTo(desired);
		assertThat(InMemoryPlaylist.apply(old, PushPlan.between(old, true, fewChanges))).isEqualTo(fewChanges);
	}

	@Test
	void theLongestIncreasingSubsequenceIsFound() {
		assertThat(EditScript.longestIncreasingSubsequence(new int[] { 3, 1, 4, 1, 5, 9, 2, 6 })).hasSize(4);
		assertThat(EditScript.longestIncreasingSubsequence(new int[] { 5, 4, 3 })).hasSize(1);
		assertThat(EditScript.longestIncreasingSubsequence(new int[0])).isEmpty();
		assertThat(EditScript.longestIncreasingSubsequence(new int[] { 0, 1, 2 })).containsExactly(0, 1, 2);
	}

	private static List<String> tracks(int first, int count) {
		return IntStream.range(first, first + count).mapToObj((i) -> "t" + i).toList();
	}

	private static List<String> randomList(Random random, int size) {
		List<String> universe = new ArrayList<>(tracks(0, size * 2 + 10));
		Collections.shuffle(universe, random);
		return new ArrayList<>(universe.subList(0, size));
	}

	/**
	 * Removals, insertions of new tracks, moves and swaps, like a rule's list changes.
	 */
	private static List<String> mutate(Random random, List<String> list, int changes) {
		List<String> result = new ArrayList<>(list);
		int fresh = 100_000;
		for (int i = 0; i < changes; i++) {
			int kind = random.nextInt(5);
			if (kind == 0 && !result.isEmpty()) {
				result.remove(random.nextInt(result.size()));
			}
			else if (kind == 1) {
				result.add(random.nextInt(result.size() + 1), "n" + fresh++);
			}
			else if (kind == 2 && !result.isEmpty()) {
				String moved = result.remove(random.nextInt(result.size()));
				result.add(random.nextInt(result.size() + 1), moved);
			}
			else if (kind == 3 && result.size() > 1) {
				Collections.swap(result, random.nextInt(result.size()), random.nextInt(result.size()));
			}
			else {
				int at = random.nextInt(result.size() + 1);
				for (int j = 0; j < 1 + random.nextInt(150); j++) {
					result.add(at, "n" + fresh++);
				}
			}
		}
		return result;
	}

	private static int lcsLength(List<String> a, List<String> b) {
		int[][] table = new int[a.size() + 1][b.size() + 1];
		for (int i = 1; i <= a.size(); i++) {
			for (int j = 1; j <= b.size(); j++) {
				table[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? table[i - 1][j - 1] + 1
						: Math.max(table[i - 1][j], table[i][j - 1]);
			}
		}
		return table[a.size()][b.size()];
	}

}
