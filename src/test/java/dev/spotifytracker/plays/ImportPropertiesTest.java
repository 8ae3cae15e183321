package dev.spotifytracker.plays;

import java.nio.file.Path;

import dev.spotifytracker.app.InvalidSettingException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code TRACKER_IMPORT_MAX_MB}: a whole number of megabytes; anything else stops the
 * start with one sentence naming it.
 */
class ImportPropertiesTest {

	@Test
	void theLimitIsAWholeNumberOfMegabytes() {
		// when
		ImportProperties properties = new ImportProperties(" 1024 ", Path.of("data/imports"), 5000, null);

		// then
		assertThat(properties.maxBytes()).isEqualTo(1024L * 1024 * 1024);
		assertThat(properties.maxMegabytes()).isEqualTo(1024);
	}

	@Test
	void aLimitThatIsNoNumberStopsTheStartNamingTheVariable() {
		assertThatThrownBy(() -> new ImportProperties("1GB", Path.of("data/imports"), 5000, null))
			.isInstanceOf(InvalidSettingException.class)
			.hasMessage("TRACKER_IMPORT_MAX_MB must be a whole number of megabytes between 1 and 1048576, "
					+ "such as 1024, not '1GB'.")
			.extracting((ex) -> ((InvalidSettingException) ex).setting())
			.isEqualTo("TRACKER_IMPORT_MAX_MB");
	}

	@Test
	void aLimitOfNothingIsRefused() {
		assertThatThrownBy(() -> new ImportProperties("0", Path.of("data/imports"), 5000, null))
			.isInstanceOf(InvalidSettingException.class)
			.hasMessageStartingWith("TRACKER_IMPORT_MAX_MB must be a whole number");
	}

}
