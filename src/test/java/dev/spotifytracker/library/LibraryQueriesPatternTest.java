package dev.spotifytracker.library;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LibraryQueriesPatternTest {

	@Test
	void aBlankSearchMatchesEverything() {
		assertThat(LibraryQueries.pattern("  ")).isEqualTo("%");
		assertThat(LibraryQueries.pattern(null)).isEqualTo("%");
	}

	@Test
	void wildcardsTypedByTheUserAreTakenLiterally() {
		assertThat(LibraryQueries.pattern(" 100%_pure\\ ")).isEqualTo("%100\\%\\_pure\\\\%");
	}

}
