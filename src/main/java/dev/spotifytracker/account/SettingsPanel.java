package dev.spotifytracker.account;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A section of the Settings page: the Thymeleaf fragment that draws it and the values it
 * draws. The fragment takes one parameter, the values.
 *
 * @param template the template holding the fragment, e.g. {@code job/settings}
 * @param fragment the fragment's name in it, e.g. {@code schedules}
 * @param values what the fragment shows, by name
 */
public record SettingsPanel(String template, String fragment, Map<String, Object> values) {

	public SettingsPanel {
		// a value may be null (a schedule that is off has no next run)
		values = Collections.unmodifiableMap(new HashMap<>(values));
	}

}
