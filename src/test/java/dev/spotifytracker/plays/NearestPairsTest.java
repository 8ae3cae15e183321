package dev.spotifytracker.plays;

import dev.spotifytracker.plays.NearestPairs.Pair;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NearestPairsTest {

	@Test
	void aPlayGoesToTheNearerOfTwoRowsAndTheOtherRowStaysAlone() {
		// given: row 1 is 40 s before the play, row 2 10 s after it
		NearestPairs pairs = new NearestPairs();
		pairs.add(1, 100, -40_000_000);
		pairs.add(2, 100, 10_000_000);

		// when / then
		assertThat(pairs.pairs()).containsExactly(new Pair(2, 100));
	}

	@Test
	void twoRowsEachNearerToADifferentPlayMergeWithTheirOwn() {
		// given: plays 45 s apart, each row 1 s from one of them and 44 s from the other
		NearestPairs pairs = new NearestPairs();
		pairs.add(1, 100, 2_000_000);
		pairs.add(1, 200, -43_000_000);
		pairs.add(2, 100, 46_000_000);
		pairs.add(2, 200, 1_000_000);

		// when / then
		assertThat(pairs.pairs()).containsExactlyInAnyOrder(new Pair(1, 100), new Pair(2, 200));
	}

	@Test
	void theNearestPairIsTakenFirstEvenWhenItsRowWouldBeSomeoneElsesSecondChoice() {
		// given: row 1 is nearest to play 100 (5 s), row 2 is nearer still to play 100
		// (3 s) and 20 s from play 200
		NearestPairs pairs = new NearestPairs();
		pairs.add(1, 100, 5_000_000);
		pairs.add(2, 100, 3_000_000);
		pairs.add(2, 200, 20_000_000);

		// when / then: row 1 finds no free play; a greedy pass by row would have paired
		// row 1 with play 100 and row 2 with play 200
		assertThat(pairs.pairs()).containsExactly(new Pair(2, 100));
	}

	@Test
	void aChainOfNearestChoicesSettlesOneToOne() {
		// given: rows and plays alternating 10, 9, 8 s apart
		NearestPairs pairs = new NearestPairs();
		pairs.add(1, 100, 10);
		pairs.add(2, 100, 9);
		pairs.add(2, 200, 8);
		pairs.add(3, 200, 7);
		pairs.add(3, 300, 20);

		// when / then
		assertThat(pairs.pairs()).containsExactly(new Pair(3, 200), new Pair(2, 100));
	}

	@Test
	void tiesGoToTheLowerRowThenTheLowerPlayWhateverTheOrderOfTheCandidates() {
		// given
		NearestPairs pairs = new NearestPairs();
		pairs.add(2, 200, 5);
		pairs.add(2, 100, -5);
		pairs.add(1, 200, 5);

		// when / then
		assertThat(pairs.pairs()).containsExactly(new Pair(1, 200), new Pair(2, 100));
	}

	@Test
	void noCandidatesNoPairs() {
		assertThat(new NearestPairs().pairs()).isEmpty();
	}

}
