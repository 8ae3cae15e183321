package dev.spotifytracker.job;

/**
 * How a job run ended.
 *
 * @param itemsChanged rows the run added, changed or removed; more than zero tells the
 * cycle that the data changed (so the playlists are rebuilt)
 * @param message one line for the dashboard
 */
public record JobResult(int itemsChanged, String message) {

}
