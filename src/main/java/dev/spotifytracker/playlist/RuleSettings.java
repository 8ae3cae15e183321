package dev.spotifytracker.playlist;

/**
 * An account's settings of one rule ({@code playlist_rules}).
 *
 * @param limit the most tracks the playlist holds, 1 to 10,000
 * @param windowDays how many days the rule looks back, or null for a rule without a
 * window
 * @param isDefault true when the account never changed them (no row)
 */
public record RuleSettings(SmartPlaylistRule rule, boolean enabled, int limit, Integer windowDays, boolean isDefault) {

}
