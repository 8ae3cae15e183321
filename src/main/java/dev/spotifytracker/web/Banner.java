package dev.spotifytracker.web;

/**
 * Something on the overview that needs the user: a sentence, how urgent it is
 * ({@code error} or {@code warn}), and where to act.
 *
 * @param kind what it is about, for tests and styling: {@code sign-in},
 * {@code token-expiry}, {@code on-hold}, {@code play-gap}, {@code playlist-removed}
 * @param link where to act, or null
 */
record Banner(String kind, String level, String text, String link, String linkText) {

}
