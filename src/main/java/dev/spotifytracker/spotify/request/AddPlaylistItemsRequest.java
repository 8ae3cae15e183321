package dev.spotifytracker.spotify.request;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hc.core5.http.ParseException;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.requests.data.AbstractDataRequest;

/**
 * {@code POST /v1/playlists/{id}/items {"uris":[...], "position"?}}: inserts 1 to 100
 * items, at the end unless a position is given.
 */
public final class AddPlaylistItemsRequest extends AbstractDataRequest<String> {

	private AddPlaylistItemsRequest(Builder builder) {
		super(builder);
	}

	/**
	 * @return Spotify's JSON answer, {@code {"snapshot_id"}}
	 */
	@Override
	public String execute() throws IOException, SpotifyWebApiException, ParseException {
		return postJson();
	}

	public static final class Builder extends AbstractDataRequest.Builder<String, Builder> {

		private List<String> uris = List.of();

		private Integer position;

		public Builder(String accessToken) {
			super(accessToken);
		}

		public Builder playlistId(String playlistId) {
			return setPathParameter("playlist_id", playlistId);
		}

		public Builder uris(List<String> uris) {
			this.uris = RequestBodies.uris(uris, false);
			return this;
		}

		/**
		 * @param position zero-based index to insert at, or null to append
		 */
		public Builder position(Integer position) {
			this.position = position;
			return this;
		}

		@Override
		public AddPlaylistItemsRequest build() {
			setPath("/v1/playlists/{playlist_id}/items");
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("uris", RequestBodies.uris(this.uris, false));
			if (this.position != null) {
				body.put("position", this.position);
			}
			setBody(RequestBodies.json(body));
			return new AddPlaylistItemsRequest(this);
		}

		@Override
		protected Builder self() {
			return this;
		}

	}

}
