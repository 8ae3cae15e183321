package dev.spotifytracker.playlist;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PlaylistReferenceTest {

	static final String ID = "37i9dQZF1DXcBWIGoYBM5M";

	@ParameterizedTest
	@ValueSource(strings = { ID, "  " + ID + " ", "spotify:playlist:" + ID, "https://open.spotify.com/playlist/" + ID,
			"https://open.spotify.com/playlist/" + ID + "?si=a1b2c3d4e5", "open.spotify.com/playlist/" + ID + "/",
			"https://open.spotify.com/intl-de/playlist/" + ID, "http://open.spotify.com/embed/playlist/" + ID })
	void aPlaylistIsFoundInEveryFormAUserMightPaste(String text) {
		assertThat(PlaylistReference.parse(text)).isEqualTo(ID);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "37i9dQZF1DXcBWIGoYBM5", "https://open.spotify.com/album/" + ID,
			"spotify:track:" + ID, "https://evil.example/open.spotify.com/playlist/" + ID,
			"https://open.spotify.com.evil.example/playlist/" + ID, ID + "x" })
	void anythingElseIsRefusedWithAnExplanation(String text) {
		assertThatExceptionOfType(PlaylistActionException.class).isThrownBy(() -> PlaylistReference.parse(text))
			.withMessageContaining("open.spotify.com/playlist");
	}

}
