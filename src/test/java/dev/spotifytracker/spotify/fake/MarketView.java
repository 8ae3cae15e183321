package dev.spotifytracker.spotify.fake;

/**
 * How a request sees tracks: with a market (Spotify's {@code market=from_token}) each
 * track is relinked for the user and says whether it plays; without one nothing is said
 * about availability at all, as Spotify does.
 */
final class MarketView {

	static final MarketView NONE = new MarketView(null);

	private final SimulatedUser user;

	private MarketView(SimulatedUser user) {
		this.user = user;
	}

	static MarketView of(SimulatedUser user, String market) {
		return (market != null) ? new MarketView(user) : NONE;
	}

	SimTrack served(SimTrack track) {
		return (this.user != null) ? this.user.relinkOf(track) : track;
	}

	/**
	 * @return null when the answer says nothing about availability
	 */
	SimAvailability availability(SimTrack served) {
		return (this.user != null) ? this.user.availabilityOf(served.id()) : null;
	}

}
