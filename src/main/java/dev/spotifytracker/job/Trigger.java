package dev.spotifytracker.job;

/**
 * What started a run.
 */
public enum Trigger {

	SCHEDULE, DASHBOARD, API;

	public String value() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
