package dev.spotifytracker.job;

/**
 * The level of a run's log line, stored as its name ({@code INFO}, {@code WARN}...).
 */
public enum LogLevel {

	DEBUG, INFO, WARN, ERROR

}
