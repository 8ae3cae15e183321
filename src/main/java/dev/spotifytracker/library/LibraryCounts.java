package dev.spotifytracker.library;

/**
 * The size of an account's library.
 *
 * @param libraryTracks liked tracks and tracks of saved albums, each once
 * @param unavailableTracks library tracks Spotify says do not play in the account's
 * market
 */
public record LibraryCounts(int savedAlbums, int libraryTracks, int likedTracks, int unavailableTracks) {

}
