package dev.spotifytracker.plays.history;

/**
 * How reading one file of the export went.
 *
 * @param name the file's name, as in {@link ExportMember#name()}
 * @param format the format its rows were read in (from its first row, else its name)
 * @param rows the rows delivered
 * @param badRows the rows left out for a missing or unreadable end time or play length
 * @param broken where reading stopped early, or null when the file was read to its end
 */
public record MemberOutcome(String name, ExportFormat format, int rows, int badRows, MemberBreak broken) {

	public boolean isBroken() {
		return this.broken != null;
	}

}
