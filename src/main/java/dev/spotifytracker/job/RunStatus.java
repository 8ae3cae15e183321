package dev.spotifytracker.job;

public enum RunStatus {

	RUNNING, SUCCEEDED, FAILED, SKIPPED;

	public String value() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
