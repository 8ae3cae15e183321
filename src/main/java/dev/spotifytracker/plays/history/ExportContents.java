package dev.spotifytracker.plays.history;

import java.util.List;

/**
 * What an upload holds, known without reading its rows.
 *
 * @param members the files with streaming history, in the archive's order
 * @param skipped the other files (video, podcasts, PDFs, user data), by name
 */
public record ExportContents(List<ExportMember> members, List<String> skipped) {

	public ExportContents {
		members = List.copyOf(members);
		skipped = List.copyOf(skipped);
	}

}
