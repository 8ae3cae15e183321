package dev.spotifytracker.library;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogStatisticsTest {

	@Test
	void aGrowingCatalogIsAnalysedEachTimeItDoubles() {
		// given
		CatalogStatistics statistics = new CatalogStatistics();

		// when / then: the first thousand rows, then as many again as were there
		assertThat(statistics.wrote(600)).isFalse();
		assertThat(statistics.wrote(400)).isTrue();
		statistics.analysed(1_500);
		assertThat(statistics.wrote(1_400)).isFalse();
		assertThat(statistics.wrote(100)).isTrue();
		statistics.analysed(3_000);
		assertThat(statistics.wrote(2_999)).isFalse();
	}

	@Test
	void aSteadyCatalogIsNotAnalysed() {
		CatalogStatistics statistics = new CatalogStatistics();
		statistics.analysed(200_000);

		for (int cycle = 0; cycle < 1_000; cycle++) {
			assertThat(statistics.wrote(10)).isFalse();
		}
	}

}
