package dev.spotifytracker.spotify.request;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hc.core5.http.ParseException;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.requests.data.AbstractDataRequest;

/**
 * {@code DELETE /v1/playlists/{id}/items {"items":[{"uri"}...], "snapshot_id"?}}: removes
 * every occurrence of 1 to 100 uris.
 */
public final class RemovePlaylistItemsRequest extends AbstractDataRequest<String> {

	private RemovePlaylistItemsRequest(Builder builder) {
		super(builder);
	}

	/**
	 * @return Spotify's JSON answer, {@code {"snapshot_id"}}
	 */
	@Override
	public String execute() throws IOException, SpotifyWebApiException, ParseException {
		return deleteJson();
	}

	public static final class Builder extends AbstractDataRequest.Builder<String, Builder> {

		private List<String> uris = List.of();

		private String snapshotId;

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
		 * @param snapshotId the playlist version the removal applies to, or null for the
		 * current one
		 */
		public Builder snapshotId(String snapshotId) {
			this.snapshotId = snapshotId;
			return this;
		}

		@Override
		public RemovePlaylistItemsRequest build() {
			setPath("/v1/playlists/{playlist_id}/items");
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("items", RequestBodies.uris(this.uris, false).stream().map((uri) -> Map.of("uri", uri)).toList());
			if (this.snapshotId != null) {
				body.put("snapshot_id", this.snapshotId);
			}
			setBody(RequestBodies.json(body));
			return new RemovePlaylistItemsRequest(this);
		}

		@Override
		protected Builder self() {
			return this;
		}

	}

}
