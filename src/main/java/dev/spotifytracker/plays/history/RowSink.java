package dev.spotifytracker.plays.history;

/**
 * Where the rows of an export go, one at a time, in file order. Anything it throws stops
 * the read and reaches the caller unchanged (a database error is not a broken file).
 */
@FunctionalInterface
public interface RowSink {

	void accept(ExportRow row);

	/**
	 * Called before the first row of each file with streaming history.
	 * @param member the file about to be read
	 */
	default void memberStarted(ExportMember member) {
	}

	/**
	 * Called after the last row of each file, broken or not.
	 * @param outcome how the file was read
	 */
	default void memberEnded(MemberOutcome outcome) {
	}

}
