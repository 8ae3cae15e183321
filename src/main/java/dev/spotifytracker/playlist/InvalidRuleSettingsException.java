package dev.spotifytracker.playlist;

import java.util.Map;

/**
 * Settings of a rule that cannot be saved; one message per field ({@code enabled},
 * {@code limit}, {@code windowDays}) for the form.
 */
public class InvalidRuleSettingsException extends RuntimeException {

	private final Map<String, String> fieldErrors;

	public InvalidRuleSettingsException(Map<String, String> fieldErrors) {
		super(String.join(" ", fieldErrors.values()));
		this.fieldErrors = Map.copyOf(fieldErrors);
	}

	public Map<String, String> fieldErrors() {
		return this.fieldErrors;
	}

}
