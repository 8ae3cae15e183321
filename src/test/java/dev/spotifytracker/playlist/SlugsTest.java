package dev.spotifytracker.playlist;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

	@Test
	void aNameBecomesLowerCaseWordsJoinedByOneDash() {
		assertThat(Slugs.of("  Forgotten   Favourites!! (90s) ")).isEqualTo("forgotten-favourites-90s");
	}

	@Test
	void accentsAreDropped() {
		assertThat(Slugs.of("Café Björk, Señor")).isEqualTo("cafe-bjork-senor");
	}

	@Test
	void aSlugIsAtMostSixtyCharactersAndDoesNotEndInADash() {
		String slug = Slugs.of("a".repeat(59) + " b" + "c".repeat(20));

		assertThat(slug).isEqualTo("a".repeat(59));
	}

	@Test
	void aTakenSlugGetsTheFirstFreeNumberFromTwo() {
		assertThat(Slugs.unique("Road Trip", Set.of("road-trip", "road-trip-2"))).isEqualTo("road-trip-3");
		assertThat(Slugs.unique("Road Trip", Set.of("never-played"))).isEqualTo("road-trip");
	}

	@Test
	void aNumberedSlugStillFitsInSixtyCharacters() {
		String name = "x".repeat(70);

		String slug = Slugs.unique(name, Set.of("x".repeat(60)));

		assertThat(slug).isEqualTo("x".repeat(58) + "-2").hasSize(60);
	}

	@Test
	void aNameWithoutLettersOrDigitsToKeepGetsAPlainSlug() {
		assertThat(Slugs.of("日本語 !!")).isEqualTo("playlist");
	}

}
