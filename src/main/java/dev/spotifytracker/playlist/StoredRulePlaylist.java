package dev.spotifytracker.playlist;

import java.time.Instant;

/**
 * An account's own rule playlist as stored ({@code rule_playlists}).
 *
 * @param document the rule's JSON as its author wrote it
 */
record StoredRulePlaylist(String slug, String name, String document, Instant createdAt, Instant updatedAt) {

}
