package dev.spotifytracker.spotify.request;

import java.io.IOException;
import java.util.List;

import org.apache.hc.core5.http.ParseException;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.requests.data.AbstractDataRequest;

/**
 * {@code DELETE /v1/me/library?uris=...}: removes 1 to 40 items (here: playlists) from
 * the user's library. Development Mode replaced {@code DELETE
 * /v1/playlists/{id}/followers}, the library's {@code UnfollowPlaylistRequest}, with it
 * (February 2026 migration guide, "Library Management").
 */
public final class RemoveFromLibraryRequest extends AbstractDataRequest<String> {

	/** The most uris one call takes. */
	public static final int MAX_URIS = 40;

	private RemoveFromLibraryRequest(Builder builder) {
		super(builder);
	}

	/**
	 * @return Spotify's answer, usually empty
	 */
	@Override
	public String execute() throws IOException, SpotifyWebApiException, ParseException {
		return deleteJson();
	}

	public static final class Builder extends AbstractDataRequest.Builder<String, Builder> {

		public Builder(String accessToken) {
			super(accessToken);
		}

		public Builder uris(List<String> uris) {
			if (uris.isEmpty() || uris.size() > MAX_URIS) {
				throw new IllegalArgumentException("1 to " + MAX_URIS + " uris, not " + uris.size());
			}
			return setQueryParameter("uris", String.join(",", uris));
		}

		@Override
		public RemoveFromLibraryRequest build() {
			setPath("/v1/me/library");
			return new RemoveFromLibraryRequest(this);
		}

		@Override
		protected Builder self() {
			return this;
		}

	}

}
