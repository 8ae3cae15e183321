package dev.spotifytracker.spotify.fake;

import java.util.Set;

/**
 * Whether a track plays for a user, as {@code market=from_token} reports it.
 *
 * @param playable true, false, or null when Spotify leaves {@code is_playable} out
 * @param reason {@code restrictions.reason} when not playable
 */
public record SimAvailability(Boolean playable, String reason) {

	public static final SimAvailability PLAYABLE = new SimAvailability(true, null);

	public static final SimAvailability UNKNOWN = new SimAvailability(null, null);

	static final Set<String> REASONS = Set.of("market", "product", "explicit");

	public static SimAvailability unavailable(String reason) {
		if (!REASONS.contains(reason)) {
			throw new IllegalArgumentException("Spotify's restriction reasons are " + REASONS + ": " + reason);
		}
		return new SimAvailability(false, reason);
	}

}
