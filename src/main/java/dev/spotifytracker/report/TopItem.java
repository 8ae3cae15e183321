package dev.spotifytracker.report;

/**
 * One row of a top list.
 *
 * @param id the Spotify id of the track, artist or album
 * @param ms the listening time
 */
public record TopItem(String id, String name, long plays, long ms) {

}
