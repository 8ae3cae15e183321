package dev.spotifytracker.plays;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What each extended row of a batch is, as far as the batch alone tells: a repeat of a
 * row further up (the same stream twice in the export, stored once, as its first), else
 * why it is no play (no track URI, a private session, shorter than the threshold), else
 * {@code pending}. Whether an earlier import stored the row already is for the database
 * to say ({@link ImportBatchTable#classify}). Worked out here, while the rows are written
 * out for COPY, because an update that set them in the batch table rewrote every row of
 * every batch (1.7 s of a 250,000-row import).
 * <p>
 * Account-data rows are not classified here: their track comes from a look-up by name in
 * the database, and their key includes it.
 */
final class BatchOutcomes {

	private BatchOutcomes() {
	}

	/**
	 * @return per row, in order, its outcome as {@code import_batch} holds it; a repeat
	 * is {@link ImportBatchTable#DUPLICATE}
	 * @throws IllegalArgumentException for an account-data row
	 */
	static String[] of(List<RawRow> rows, int thresholdMs) {
		String[] outcomes = new String[rows.size()];
		Set<Key> seen = new HashSet<>(rows.size() * 2);
		for (int i = 0; i < outcomes.length; i++) {
			RawRow row = rows.get(i);
			if (row.minutePrecision()) {
				throw new IllegalArgumentException("Account-data rows are classified by the database");
			}
			outcomes[i] = seen.add(Key.of(row)) ? outcome(row, thresholdMs) : ImportBatchTable.DUPLICATE;
		}
		return outcomes;
	}

	private static String outcome(RawRow row, int thresholdMs) {
		if (row.trackId() == null) {
			return "no_uri";
		}
		if (row.incognito()) {
			return "incognito";
		}
		return (ImportBatchTable.storedMs(row) < thresholdMs) ? "short" : "pending";
	}

	/**
	 * A row's identity, the columns of the unique index {@code import_rows_once} (the
	 * account and format are the batch's, missing names compare as empty ones).
	 */
	private record Key(Instant ts, long msPlayed, String trackId, String trackName, String artistName) {

		static Key of(RawRow row) {
			return new Key(row.ts(), ImportBatchTable.storedMs(row), Objects.toString(row.trackId(), ""),
					Objects.toString(row.trackName(), ""), Objects.toString(row.artistName(), ""));
		}

	}

}
