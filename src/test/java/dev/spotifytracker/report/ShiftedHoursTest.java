package dev.spotifytracker.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How rollup hours built in Berlin look to viewers in other zones: runs of hours moved by
 * a fixed number of minutes, and the instants left to the plays.
 */
class ShiftedHoursTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	@Test
	void kolkataSeesBerlinsHoursFourAndAHalfHoursLaterInWinterAndThreeAndAHalfInSummer() {
		ShiftedHours hours = ShiftedHours
			.of(BERLIN, KOLKATA, Instant.parse("2026-03-28T00:00:00Z"), Instant.parse("2026-03-31T00:00:00Z"))
			.orElseThrow();

		assertThat(hours.segments()).containsExactly(
				new ShiftedHours.Segment(at("2026-03-28T01:00"), at("2026-03-29T02:00"), 270),
				new ShiftedHours.Segment(at("2026-03-29T03:00"), at("2026-03-31T02:00"), 210));
		assertThat(hours.raw()).isEmpty();
		assertThat(hours.quarters()).isTrue();
	}

	@Test
	void theHourBerlinsClocksGoBackThroughIsLeftToThePlays() {
		ShiftedHours hours = ShiftedHours
			.of(BERLIN, KOLKATA, Instant.parse("2026-10-24T22:00:00Z"), Instant.parse("2026-10-25T23:00:00Z"))
			.orElseThrow();

		assertThat(hours.segments()).containsExactly(
				new ShiftedHours.Segment(at("2026-10-25T00:00"), at("2026-10-25T02:00"), 210),
				new ShiftedHours.Segment(at("2026-10-25T03:00"), at("2026-10-26T00:00"), 270));
		assertThat(hours.raw()).containsExactly(
				new RollupSpan.Window(Instant.parse("2026-10-25T00:00:00Z"), Instant.parse("2026-10-25T02:00:00Z")));
	}

	@Test
	void aKolkataDayLeavesTheHalfHoursAtItsEndsToThePlays() {
		Instant midnight = LocalDate.parse("2026-01-11").atStartOfDay(KOLKATA).toInstant();

		ShiftedHours hours = ShiftedHours.of(BERLIN, KOLKATA, midnight, midnight.plusSeconds(86_400)).orElseThrow();

		assertThat(hours.segments())
			.containsExactly(new ShiftedHours.Segment(at("2026-01-10T20:00"), at("2026-01-11T19:00"), 270));
		assertThat(hours.raw()).containsExactly(
				new RollupSpan.Window(Instant.parse("2026-01-10T18:30:00Z"), Instant.parse("2026-01-10T19:00:00Z")),
				new RollupSpan.Window(Instant.parse("2026-01-11T18:00:00Z"), Instant.parse("2026-01-11T18:30:00Z")));
	}

	@Test
	void newYorkSeesWholeHoursAndNeedsNoQuarters() {
		ShiftedHours hours = ShiftedHours
			.of(BERLIN, ZoneId.of("America/New_York"), Instant.parse("2026-01-01T00:00:00Z"),
					Instant.parse("2026-02-01T00:00:00Z"))
			.orElseThrow();

		assertThat(hours.segments()).singleElement().extracting(ShiftedHours.Segment::minutes).isEqualTo(-360);
		assertThat(hours.quarters()).isFalse();
	}

	@Test
	void aRollupDaySplitsBetweenTwoViewerDaysAtTheQuarterTheViewersMidnightFallsIn() {
		ShiftedHours.Segment kolkata = new ShiftedHours.Segment(at("2026-01-01T00:00"), at("2026-02-01T00:00"), 270);
		ShiftedHours.Segment newYork = new ShiftedHours.Segment(at("2026-01-01T00:00"), at("2026-02-01T00:00"), -360);
		ShiftedHours.Segment same = new ShiftedHours.Segment(at("2026-01-01T00:00"), at("2026-02-01T00:00"), 0);

		// Berlin 19:30 is midnight in Kolkata, Berlin 06:00 midnight in New York
		assertThat(kolkata.split()).isEqualTo(78);
		assertThat(kolkata.lowDay(LocalDate.parse("2026-01-10"))).isEqualTo("2026-01-10");
		assertThat(newYork.split()).isEqualTo(24);
		assertThat(newYork.lowDay(LocalDate.parse("2026-01-10"))).isEqualTo("2026-01-09");
		assertThat(same.split()).isEqualTo(96);
	}

	@Test
	void aQuarterLateOnSundayNightFallsOnMondayMorning() {
		ShiftedHours.Segment kathmandu = new ShiftedHours.Segment(at("2026-01-01T00:00"), at("2026-02-01T00:00"), 285);

		// Sunday 23:45 in Berlin is Monday 04:30 in Kathmandu
		assertThat(kathmandu.minuteOfWeek(6, 23, 3)).isEqualTo(4 * 60 + 30);
		// Monday 00:00 in Berlin is Monday 04:45
		assertThat(kathmandu.minuteOfWeek(0, 0, 0)).isEqualTo(4 * 60 + 45);
	}

	private static LocalDateTime at(String local) {
		return LocalDateTime.parse(local);
	}

}
