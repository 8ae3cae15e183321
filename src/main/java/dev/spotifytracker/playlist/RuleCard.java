package dev.spotifytracker.playlist;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One smart playlist on the playlists page: the rule with its playlist, the settings form
 * as the user last filled it in, the message per invalid field, and the outcome of the
 * last action.
 *
 * @param limit the limit field as typed
 * @param windowDays the window field as typed, empty for a rule without a window
 * @param errors a message per field ({@code limit}, {@code windowDays}, {@code playlist})
 * @param message what the last action did, or null
 * @param error why the last action failed, or null
 */
record RuleCard(PlaylistRuleView view, boolean enabled, String limit, String windowDays, String playlist,
		Map<String, String> errors, String message, String error) {

	RuleCard {
		errors = Map.copyOf(errors);
	}

	static RuleCard of(PlaylistRuleView view) {
		RuleSettings settings = view.settings();
		return new RuleCard(view, settings.enabled(), String.valueOf(settings.limit()),
				(settings.windowDays() != null) ? String.valueOf(settings.windowDays()) : "", "", Map.of(), null, null);
	}

	public String slug() {
		return this.view.rule().slug();
	}

	public String errorOf(String field) {
		return this.errors.get(field);
	}

	public boolean hasError(String field) {
		return this.errors.containsKey(field);
	}

	RuleCard withForm(boolean enabled, String limit, String windowDays, Map<String, String> errors) {
		return new RuleCard(this.view, enabled, limit, windowDays, this.playlist, errors, this.message, this.error);
	}

	RuleCard withPlaylistField(String playlist, String playlistError) {
		Map<String, String> errors = new LinkedHashMap<>(this.errors);
		if (playlistError != null) {
			errors.put("playlist", playlistError);
		}
		return new RuleCard(this.view, this.enabled, this.limit, this.windowDays, playlist, errors, this.message,
				this.error);
	}

	RuleCard withMessage(String message) {
		return new RuleCard(this.view, this.enabled, this.limit, this.windowDays, this.playlist, this.errors, message,
				null);
	}

	RuleCard withError(String error) {
		return new RuleCard(this.view, this.enabled, this.limit, this.windowDays, this.playlist, this.errors, null,
				error);
	}

}
