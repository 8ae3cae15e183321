package dev.spotifytracker.report;

import java.time.LocalDate;

/**
 * One step of a listening-over-time series.
 *
 * @param start the local date of the step's first day
 */
public record SeriesPoint(LocalDate start, long plays, long ms) {

}
