package dev.spotifytracker.plays;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What a batch alone tells of its extended rows (DESIGN.md "Counting"), as the batch
 * table's classification did before it moved into Java.
 */
class BatchOutcomesTest {

	private static final Instant T = Instant.parse("2025-03-01T12:00:00Z");

	private static final int THRESHOLD = 30_000;

	@Test
	void aRowIsPendingFromTheThresholdOnAndShortBelowIt() {
		assertThat(BatchOutcomes.of(List.of(row("a", T, 30_000, false), row("a", T.plusSeconds(1), 29_999, false)),
				THRESHOLD))
			.containsExactly("pending", "short");
	}

	@Test
	void noTrackUriComesBeforePrivateSessionAndPrivateSessionBeforeShort() {
		assertThat(BatchOutcomes.of(List.of(row(null, T, 1_000, true), row("a", T, 1_000, true)), THRESHOLD))
			.containsExactly("no_uri", "incognito");
	}

	@Test
	void theSameStreamTwiceInABatchIsStoredOnceAsItsFirst() {
		assertThat(BatchOutcomes.of(List.of(row("a", T, 200_000, false), row("b", T, 200_000, false),
				row("a", T, 200_000, false), row("a", T, 200_001, false)), THRESHOLD))
			.containsExactly("pending", "pending", ImportBatchTable.DUPLICATE, "pending");
	}

	@Test
	void aMissingNameIsTheSameAsAnEmptyOneAsTheUniqueIndexSeesIt() {
		RawRow unnamed = new RawRow("f.json", 0, false, T, 200_000, "a", null, null, null, null, null, null, null, null,
				null, false);
		RawRow emptyNames = new RawRow("f.json", 1, false, T, 200_000, "a", "", "", "other album", null, null, null,
				null, null, null, false);

		assertThat(BatchOutcomes.of(List.of(unnamed, emptyNames), THRESHOLD)).containsExactly("pending",
				ImportBatchTable.DUPLICATE);
	}

	@Test
	void rowsTheDatabaseStoresAlikeAreTheSameStream() {
		// a time finer than the microsecond, and a name with a lone surrogate, are
		// stored as a microsecond and a "?": equal in the database, so equal here
		RawRow first = new RawRow("f.json", 0, false, T, 200_000, "a", "River\ud800", "Joni", null, null, null, null,
				null, null, null, false);
		RawRow second = new RawRow("f.json", 1, false, T.plusNanos(100), 200_000, "a", "River?", "Joni", null, null,
				null, null, null, null, null, false);

		assertThat(BatchOutcomes.of(List.of(first, second), THRESHOLD)).containsExactly("pending",
				ImportBatchTable.DUPLICATE);
	}

	@Test
	void accountDataRowsAreLeftToTheDatabase() {
		RawRow named = new RawRow("f.json", 0, true, T, 200_000, null, "River", "Joni", null, null, null, null, null,
				null, null, false);

		assertThatIllegalArgumentException().isThrownBy(() -> BatchOutcomes.of(List.of(named), THRESHOLD));
	}

	private static RawRow row(String track, Instant ts, long ms, boolean incognito) {
		return new RawRow("f.json", 0, false, ts, ms, track, "River", "Joni", "Blue", null, null, null, null, null,
				null, incognito);
	}

}
