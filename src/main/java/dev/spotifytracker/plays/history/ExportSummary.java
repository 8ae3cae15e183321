package dev.spotifytracker.plays.history;

import java.util.List;

/**
 * The result of reading an upload.
 *
 * @param members how each file with streaming history was read, in the archive's order
 * @param skipped the files that hold no streaming history, by name
 */
public record ExportSummary(List<MemberOutcome> members, List<String> skipped) {

	public ExportSummary {
		members = List.copyOf(members);
		skipped = List.copyOf(skipped);
	}

	/**
	 * @return the rows delivered, over all files
	 */
	public long rows() {
		return this.members.stream().mapToLong(MemberOutcome::rows).sum();
	}

	/**
	 * @return the rows left out as bad, over all files
	 */
	public long badRows() {
		return this.members.stream().mapToLong(MemberOutcome::badRows).sum();
	}

	/**
	 * @return the files whose reading stopped early
	 */
	public List<MemberOutcome> brokenMembers() {
		return this.members.stream().filter(MemberOutcome::isBroken).toList();
	}

}
