package dev.spotifytracker.plays;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlayGapTest {

	private static final Instant STORED = Instant.parse("2026-03-01T12:00:00Z");

	@Test
	void aFullPageWhoseOldestPlayIsNewerThanTheNewestStoredOneIsAGap() {
		// given: 50 plays, the oldest a minute after the newest stored play
		List<Instant> page = minutesAfter(STORED, 1, 50);

		// when / then
		assertThat(PlayGap.find(STORED, page, 50)).contains(new PlayGap(STORED, STORED.plusSeconds(60)));
	}

	@Test
	void aPageShorterThanTheLimitReachedBackToTheStoredPlays() {
		assertThat(PlayGap.find(STORED, minutesAfter(STORED, 1, 49), 50)).isEmpty();
	}

	@Test
	void aFullPageThatReachesTheNewestStoredPlayIsNoGap() {
		assertThat(PlayGap.find(STORED, minutesAfter(STORED, 0, 50), 50)).isEmpty();
	}

	@Test
	void withNothingStoredNothingCanBeMissing() {
		assertThat(PlayGap.find(null, minutesAfter(STORED, 1, 50), 50)).isEmpty();
	}

	private static List<Instant> minutesAfter(Instant start, int first, int count) {
		return IntStream.range(first, first + count).mapToObj((i) -> start.plusSeconds(60L * i)).toList();
	}

}
