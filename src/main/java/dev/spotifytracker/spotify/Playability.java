package dev.spotifytracker.spotify;

/**
 * Whether a track plays in the account's market ({@code market=from_token}).
 *
 * @param playable true, false, or null when Spotify did not say (unknown, which is
 * neither)
 * @param reason {@code restrictions.reason} when not playable: market, product, explicit
 */
public record Playability(Boolean playable, String reason) {

	public static final Playability UNKNOWN = new Playability(null, null);

	public boolean isKnown() {
		return this.playable != null;
	}

}
