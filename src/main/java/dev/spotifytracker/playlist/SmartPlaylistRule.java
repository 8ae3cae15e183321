package dev.spotifytracker.playlist;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The six smart playlists. Their definitions are a contract (issue 6): users and tests
 * rely on exactly these selections and orderings, implemented in {@link PlaylistQueries}.
 */
public enum SmartPlaylistRule {

	NEVER_PLAYED("never-played", "Never Played",
			"Tracks of your library you have never played, the most recently added first.", 1000, null),

	PLAYED_ONCE("played-once", "Played Once",
			"Tracks of your library you have played exactly once, the most recently played first.", 1000, null),

	OLDEST_PLAYED("oldest-played", "Oldest Played",
			"Tracks of your library you have played at least twice, the longest unplayed first.", 1000, null),

	MOST_PLAYED("most-played", "Most Played", "The tracks of your library you have played most, the most played first.",
			50, null),

	LIKED_LAST_30_DAYS("liked-last-30-days", "Liked in the Last 30 Days",
			"Tracks you liked in the last 30 days, the most recently liked first.", 1000, 30),

	NEW_NEVER_PLAYED("new-never-played", "New and Never Played",
			"Tracks added to your library in the last 30 days that you have not played yet, the most recently added first.",
			1000, 30);

	/** The most tracks a rule may select (a Spotify playlist holds up to 10,000). */
	public static final int MAX_LIMIT = 10_000;

	/**
	 * The longest day window a rule may look back ({@code playlist_rules.window_days}).
	 */
	public static final int MAX_WINDOW_DAYS = 3650;

	private final String slug;

	private final String displayName;

	private final String description;

	private final int defaultLimit;

	private final Integer defaultWindowDays;

	SmartPlaylistRule(String slug, String displayName, String description, int defaultLimit,
			Integer defaultWindowDays) {
		this.slug = slug;
		this.displayName = displayName;
		this.description = description;
		this.defaultLimit = defaultLimit;
		this.defaultWindowDays = defaultWindowDays;
	}

	public static Optional<SmartPlaylistRule> bySlug(String slug) {
		return Arrays.stream(values()).filter((rule) -> rule.slug.equals(slug)).findFirst();
	}

	public String slug() {
		return this.slug;
	}

	public String displayName() {
		return this.displayName;
	}

	public String description() {
		return this.description;
	}

	public int defaultLimit() {
		return this.defaultLimit;
	}

	/**
	 * @return the default day window, or null when the rule has no window
	 */
	public Integer defaultWindowDays() {
		return this.defaultWindowDays;
	}

	public boolean hasWindow() {
		return this.defaultWindowDays != null;
	}

	/**
	 * The settings an account has until it changes them (no {@code playlist_rules} row).
	 */
	public RuleSettings defaults() {
		return new RuleSettings(this, true, this.defaultLimit, this.defaultWindowDays, true);
	}

	/**
	 * The description of the Spotify playlist we create for this rule.
	 */
	String playlistDescription(RuleSettings settings) {
		String what = this.description;
		if (hasWindow() && settings.windowDays() != null && !settings.windowDays().equals(this.defaultWindowDays)) {
			what = what.replace("30 days", settings.windowDays() + " days");
		}
		return what + " Updated automatically by Spotify Tracker; edits made here are overwritten.";
	}

	Duration window(RuleSettings settings) {
		Integer days = (settings.windowDays() != null) ? settings.windowDays() : this.defaultWindowDays;
		return (days != null) ? Duration.ofDays(days) : null;
	}

}
