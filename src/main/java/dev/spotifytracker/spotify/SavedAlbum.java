package dev.spotifytracker.spotify;

import java.time.Instant;

/**
 * An entry of the saved albums list, with the album's first page of up to 50 tracks.
 */
public record SavedAlbum(Instant addedAt, Album album, Page<Track> tracks) {

}
