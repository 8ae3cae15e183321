package dev.spotifytracker.playlist;

/**
 * A rule with the account's settings and its Spotify playlist.
 *
 * @param playlist the rule's playlist, or null when it has none yet
 */
public record PlaylistRuleView(SmartPlaylistRule rule, RuleSettings settings, PublishedPlaylist playlist) {

}
