package dev.spotifytracker.web;

/**
 * The entries of the main navigation; a page belongs to the one whose path starts its
 * own, so the navigation can mark it with {@code aria-current}.
 */
final class Section {

	private Section() {
	}

	static String of(String path) {
		if (path == null || path.isEmpty() || path.equals("/")) {
			return "overview";
		}
		String first = path.substring(1);
		int slash = first.indexOf('/');
		if (slash >= 0) {
			first = first.substring(0, slash);
		}
		return switch (first) {
			case "jobs", "runs" -> "jobs";
			case "logs" -> "logs";
			case "library", "tracks" -> "library";
			case "history" -> "history";
			case "import" -> "import";
			case "playlists" -> "playlists";
			case "stats" -> "stats";
			case "settings" -> "settings";
			default -> "";
		};
	}

}
