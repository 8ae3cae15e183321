package dev.spotifytracker.playlist;

/**
 * A rule playlist as the API and the pages show it: a built-in template or an account's
 * own.
 *
 * @param document the rule's JSON document
 */
record RulePlaylistView(String slug, String name, boolean builtIn, String document) {

}
