package dev.spotifytracker.spotify.request;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.hc.core5.http.ParseException;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.requests.data.AbstractDataRequest;

/**
 * {@code POST /v1/me/playlists {"name", "description", "public"}}: a new playlist of the
 * current user.
 */
public final class CreatePlaylistRequest extends AbstractDataRequest<String> {

	private CreatePlaylistRequest(Builder builder) {
		super(builder);
	}

	/**
	 * @return Spotify's JSON playlist
	 */
	@Override
	public String execute() throws IOException, SpotifyWebApiException, ParseException {
		return postJson();
	}

	public static final class Builder extends AbstractDataRequest.Builder<String, Builder> {

		private String name;

		private String description;

		private boolean isPublic;

		public Builder(String accessToken) {
			super(accessToken);
		}

		public Builder name(String name) {
			this.name = name;
			return this;
		}

		public Builder description(String description) {
			this.description = description;
			return this;
		}

		public Builder isPublic(boolean isPublic) {
			this.isPublic = isPublic;
			return this;
		}

		@Override
		public CreatePlaylistRequest build() {
			if (this.name == null || this.name.isBlank()) {
				throw new IllegalArgumentException("A playlist needs a name");
			}
			setPath("/v1/me/playlists");
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("name", this.name);
			if (this.description != null) {
				body.put("description", this.description);
			}
			body.put("public", this.isPublic);
			setBody(RequestBodies.json(body));
			return new CreatePlaylistRequest(this);
		}

		@Override
		protected Builder self() {
			return this;
		}

	}

}
