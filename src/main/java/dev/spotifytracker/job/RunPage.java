package dev.spotifytracker.job;

import java.util.List;

/**
 * A page of runs, newest first.
 *
 * @param page the page number, from 0
 * @param hasMore whether a next page exists
 */
public record RunPage(List<JobRun> runs, int page, int size, boolean hasMore) {

}
