package dev.spotifytracker.spotify.request;

import java.io.IOException;

import org.apache.hc.core5.http.ParseException;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.requests.data.AbstractDataRequest;

/**
 * {@code GET /v1/playlists/{id}/items?limit&offset}: a page of {@code {added_at, item}}
 * entries, {@code item} possibly null.
 */
public final class GetPlaylistItemsRequest extends AbstractDataRequest<String> {

	private GetPlaylistItemsRequest(Builder builder) {
		super(builder);
	}

	/**
	 * @return Spotify's JSON page
	 */
	@Override
	public String execute() throws IOException, SpotifyWebApiException, ParseException {
		return getJson();
	}

	public static final class Builder extends AbstractDataRequest.Builder<String, Builder> {

		public Builder(String accessToken) {
			super(accessToken);
		}

		public Builder playlistId(String playlistId) {
			return setPathParameter("playlist_id", playlistId);
		}

		public Builder limit(int limit) {
			return setQueryParameter("limit", limit);
		}

		public Builder offset(int offset) {
			return setQueryParameter("offset", offset);
		}

		@Override
		public GetPlaylistItemsRequest build() {
			setPath("/v1/playlists/{playlist_id}/items");
			return new GetPlaylistItemsRequest(this);
		}

		@Override
		protected Builder self() {
			return this;
		}

	}

}
