package dev.spotifytracker.plays.history;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExportTimesTest {

	@ParameterizedTest
	@ValueSource(strings = { "2021-03-04T18:22:07Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59Z",
			"2008-12-31T00:00:01Z", "2021-03-04T18:22:07.250Z", "2021-03-04T19:22:07+01:00" })
	void aTsReadsAsInstantParseReadsIt(String ts) {
		assertThat(ExportTimes.ts(ts)).isEqualTo(Instant.parse(ts));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "yesterday", "2021-02-30T10:00:00Z", "2021-03-04T18:60:07Z", "2021-03-04 18:22:07Z",
			"2021-03-04T18:22:07", "20x1-03-04T18:22:07Z" })
	void aTsThatIsNoPointInTimeIsNull(String ts) {
		assertThat(ExportTimes.ts(ts)).isNull();
	}

	@Test
	void anEndTimeIsAMinuteInUtc() {
		assertThat(ExportTimes.endTime("2021-03-04 18:22")).isEqualTo(Instant.parse("2021-03-04T18:22:00Z"));
		assertThat(ExportTimes.endTime("2021-03-04 18:22:31")).isEqualTo(Instant.parse("2021-03-04T18:22:31Z"));
		assertThat(ExportTimes.endTime("2021-13-04 18:22")).isNull();
		assertThat(ExportTimes.endTime("2021-03-04T18:22")).isNull();
		assertThat(ExportTimes.endTime(null)).isNull();
	}

	@Test
	void anOfflineTimestampIsInSecondsOrMillisecondsAndZeroIsNone() {
		assertThat(ExportTimes.offlineTimestamp(1_614_881_914L)).isEqualTo(Instant.ofEpochSecond(1_614_881_914L));
		assertThat(ExportTimes.offlineTimestamp(1_614_881_914_123L))
			.isEqualTo(Instant.ofEpochMilli(1_614_881_914_123L));
		assertThat(ExportTimes.offlineTimestamp(0L)).isNull();
		assertThat(ExportTimes.offlineTimestamp(null)).isNull();
	}

}
