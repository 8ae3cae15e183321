package dev.spotifytracker.job;

import java.util.List;

/**
 * A page of log lines, newest first.
 *
 * @param next where the following page starts, or null when this is the last one
 */
public record LogPage(List<LogLine> lines, LogCursor next) {

}
