package dev.spotifytracker.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ViewerPlayedDaysTest {

	private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

	/**
	 * New York seen from Berlin: six hours earlier, so hours 0 to 5 are the day before.
	 */
	private static final ShiftedHours.Segment SIX_HOURS_EARLIER = new ShiftedHours.Segment(
			MONDAY.minusDays(10).atStartOfDay(), MONDAY.plusDays(10).atStartOfDay(), -360);

	/** Kolkata seen from Berlin in winter: four and a half hours later. */
	private static final ShiftedHours.Segment FOUR_AND_A_HALF_LATER = new ShiftedHours.Segment(
			MONDAY.minusDays(10).atStartOfDay(), MONDAY.plusDays(10).atStartOfDay(), 270);

	@Test
	void aDayOfLateHoursOnlyIsTheViewersSameDay() {
		ViewerPlayedDays days = new ViewerPlayedDays(List.of(SIX_HOURS_EARLIER));
		days.add(MONDAY, 6, 23);
		assertThat(days.days()).containsExactly(MONDAY);
		assertThat(days.undecided()).isEmpty();
	}

	@Test
	void earlyHoursAreTheViewersDayBefore() {
		ViewerPlayedDays days = new ViewerPlayedDays(List.of(SIX_HOURS_EARLIER));
		days.add(MONDAY, 0, 5);
		days.add(MONDAY.plusDays(1), 5, 6);
		assertThat(days.days()).containsExactly(MONDAY.minusDays(1), MONDAY, MONDAY.plusDays(1));
	}

	@Test
	void anHourHoldingTheSplitLeavesTheDayToItsQuarters() {
		ViewerPlayedDays days = new ViewerPlayedDays(List.of(FOUR_AND_A_HALF_LATER));
		// 19:30 Berlin is midnight in Kolkata: hour 19 holds the split
		days.add(MONDAY, 2, 19);
		days.add(MONDAY.plusDays(1), 19, 23);
		days.add(MONDAY.plusDays(2), 2, 18);
		days.add(MONDAY.plusDays(3), 20, 21);
		assertThat(days.undecided()).containsExactly(MONDAY, MONDAY.plusDays(1));
		assertThat(days.days()).containsExactly(MONDAY.plusDays(2), MONDAY.plusDays(4));
	}

	@Test
	void aDayASegmentStartsOrEndsInIsUndecided() {
		ShiftedHours.Segment winter = new ShiftedHours.Segment(MONDAY.minusDays(3).atStartOfDay(),
				LocalDateTime.of(MONDAY, java.time.LocalTime.of(2, 0)), -360);
		ShiftedHours.Segment summer = new ShiftedHours.Segment(LocalDateTime.of(MONDAY, java.time.LocalTime.of(3, 0)),
				MONDAY.plusDays(3).atStartOfDay(), -300);
		ViewerPlayedDays days = new ViewerPlayedDays(List.of(winter, summer));
		days.add(MONDAY.minusDays(1), 10, 12);
		days.add(MONDAY, 10, 12);
		days.add(MONDAY.plusDays(1), 4, 4);
		days.add(MONDAY.plusDays(3), 10, 12);
		assertThat(days.undecided()).containsExactly(MONDAY);
		// after the last segment: not the viewer's, the plays' windows hold it
		assertThat(days.days()).containsExactly(MONDAY.minusDays(1), MONDAY);
	}

	@Test
	void daysFoundOtherwiseJoinInOrder() {
		ViewerPlayedDays days = new ViewerPlayedDays(List.of(SIX_HOURS_EARLIER));
		days.add(MONDAY, 12, 12);
		days.addPlayed(MONDAY.minusDays(5));
		assertThat(days.days()).containsExactly(MONDAY.minusDays(5), MONDAY);
	}

}
