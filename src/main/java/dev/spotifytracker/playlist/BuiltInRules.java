package dev.spotifytracker.playlist;

/**
 * The six built-in playlists written in the rule grammar (RULES.md, last table): the
 * read-only templates a user can copy. Their playlists are still selected by
 * {@link PlaylistQueries}, whose results are the contract of issue 6; BuiltInRulesTest
 * proves the two agree on a generated library.
 */
final class BuiltInRules {

	private BuiltInRules() {
	}

	/**
	 * The rule document of a built-in with the account's settings (its limit and day
	 * window).
	 */
	static String document(RuleSettings settings) {
		SmartPlaylistRule rule = settings.rule();
		Integer days = (settings.windowDays() != null) ? settings.windowDays() : rule.defaultWindowDays();
		String body = switch (rule) {
			case NEVER_PLAYED -> """
					"source": "library",
					  "conditions": [{"field": "lastPlayed", "op": "isNull"}],
					  "sort": [{"field": "addedAt", "dir": "desc"}, {"field": "albumOrder", "dir": "asc"}],""";
			case PLAYED_ONCE -> """
					"source": "library",
					  "conditions": [{"field": "plays", "op": "eq", "value": 1}],
					  "sort": [{"field": "lastPlayed", "dir": "desc"}],""";
			case OLDEST_PLAYED -> """
					"source": "library",
					  "conditions": [{"field": "plays", "op": "gte", "value": 2}],
					  "sort": [{"field": "lastPlayed", "dir": "asc"}],""";
			case MOST_PLAYED -> """
					"source": "library",
					  "conditions": [{"field": "plays", "op": "gte", "value": 1}],
					  "sort": [{"field": "plays", "dir": "desc"}, {"field": "lastPlayed", "dir": "desc"}],""";
			case LIKED_LAST_30_DAYS -> """
					"source": "liked",
					  "conditions": [{"field": "likedAt", "op": "inLast", "days": %d}],
					  "sort": [{"field": "likedAt", "dir": "desc"}],""".formatted(days);
			case NEW_NEVER_PLAYED ->
				"""
						"source": "library",
						  "conditions": [{"field": "addedAt", "op": "inLast", "days": %d}, {"field": "lastPlayed", "op": "isNull"}],
						  "sort": [{"field": "addedAt", "dir": "desc"}, {"field": "albumOrder", "dir": "asc"}],"""
					.formatted(days);
		};
		return """
				{
				  "name": "%s",
				  %s
				  "limit": {"tracks": %d}
				}""".formatted(rule.displayName(), body, settings.limit());
	}

	static PlaylistRule rule(RuleSettings settings) {
		return RuleParser.parse(document(settings));
	}

}
