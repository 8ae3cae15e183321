package dev.spotifytracker.report;

import java.time.LocalDate;
import java.util.List;

/**
 * Runs of consecutive local days with a play.
 */
final class Streaks {

	private Streaks() {
	}

	/**
	 * @param days the days with a play, ascending, each once
	 */
	static int longest(List<LocalDate> days) {
		int longest = 0;
		int run = 0;
		LocalDate previous = null;
		for (LocalDate day : days) {
			run = (previous != null && previous.plusDays(1).equals(day)) ? run + 1 : 1;
			longest = Math.max(longest, run);
			previous = day;
		}
		return longest;
	}

	/**
	 * The run that ends on the last day, or on the day before when the last day has no
	 * play yet; else 0.
	 * @param days the days with a play, ascending, each once
	 */
	static int current(List<LocalDate> days, LocalDate lastDay) {
		int index = days.size() - 1;
		while (index >= 0 && days.get(index).isAfter(lastDay)) {
			index--;
		}
		if (index < 0) {
			return 0;
		}
		LocalDate expected = days.get(index).equals(lastDay) ? lastDay : lastDay.minusDays(1);
		int run = 0;
		while (index >= 0 && days.get(index).equals(expected)) {
			run++;
			index--;
			expected = expected.minusDays(1);
		}
		return run;
	}

}
