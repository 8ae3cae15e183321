package dev.spotifytracker.spotify;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which of Spotify's album images the catalog keeps: a small one that still fills the
 * largest cover a page shows.
 */
class SpotifyJsonCoverTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void keepsTheSmallestImageAtLeast300PixelsWide() {
		String images = """
				[{"url": "https://i.scdn.co/image/640", "width": 640, "height": 640},
				 {"url": "https://i.scdn.co/image/300", "width": 300, "height": 300},
				 {"url": "https://i.scdn.co/image/64", "width": 64, "height": 64}]
				""";

		assertThat(SpotifyJson.coverImage(this.json.readTree(images))).isEqualTo("https://i.scdn.co/image/300");
	}

	@Test
	void keepsTheLargestWhenNoneIsThatWide() {
		String images = """
				[{"url": "https://i.scdn.co/image/64", "width": 64, "height": 64},
				 {"url": "https://i.scdn.co/image/120", "width": 120, "height": 120}]
				""";

		assertThat(SpotifyJson.coverImage(this.json.readTree(images))).isEqualTo("https://i.scdn.co/image/120");
	}

	@Test
	void noImagesIsNoCover() {
		assertThat(SpotifyJson.coverImage(this.json.readTree("[]"))).isNull();
	}

}
