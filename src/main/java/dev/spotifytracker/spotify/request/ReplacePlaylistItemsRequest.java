package dev.spotifytracker.spotify.request;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.hc.core5.http.ParseException;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.requests.data.AbstractDataRequest;

/**
 * {@code PUT /v1/playlists/{id}/items {"uris":[...]}}: the playlist becomes these (at
 * most 100) items; an empty list clears it.
 */
public final class ReplacePlaylistItemsRequest extends AbstractDataRequest<String> {

	private ReplacePlaylistItemsRequest(Builder builder) {
		super(builder);
	}

	/**
	 * @return Spotify's JSON answer, {@code {"snapshot_id"}}
	 */
	@Override
	public String execute() throws IOException, SpotifyWebApiException, ParseException {
		return putJson();
	}

	public static final class Builder extends AbstractDataRequest.Builder<String, Builder> {

		private List<String> uris = List.of();

		public Builder(String accessToken) {
			super(accessToken);
		}

		public Builder playlistId(String playlistId) {
			return setPathParameter("playlist_id", playlistId);
		}

		public Builder uris(List<String> uris) {
			this.uris = RequestBodies.uris(uris, true);
			return this;
		}

		@Override
		public ReplacePlaylistItemsRequest build() {
			setPath("/v1/playlists/{playlist_id}/items");
			setBody(RequestBodies.json(Map.of("uris", this.uris)));
			return new ReplacePlaylistItemsRequest(this);
		}

		@Override
		protected Builder self() {
			return this;
		}

	}

}
