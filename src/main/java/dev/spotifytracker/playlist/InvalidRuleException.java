package dev.spotifytracker.playlist;

/**
 * A rule document that breaks the grammar of RULES.md: one sentence and the path of the
 * fault ({@code conditions[1].conditions[0].value}; empty for the document itself).
 */
public class InvalidRuleException extends RuntimeException {

	private final String path;

	public InvalidRuleException(String message, String path) {
		super(message);
		this.path = path;
	}

	public String path() {
		return this.path;
	}

}
