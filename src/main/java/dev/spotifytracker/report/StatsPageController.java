package dev.spotifytracker.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.spotifytracker.account.Account;
import dev.spotifytracker.account.AccountChoice;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Stats page: for a period of the picker, the summary and its change against the
 * period before, the top tracks, artists and albums, listening over time and the
 * listening clock, each chart with its numbers as a table. It draws from
 * {@link StatsService}, as the stats API does, in the account's time zone.
 */
@Controller
class StatsPageController {

	static final int LIST_SIZE = 50;

	static final int LONGEST_LIST = 500;

	private final StatsService stats;

	private final AccountChoice choice;

	private final SubjectQueries subjects;

	StatsPageController(StatsService stats, AccountChoice choice, SubjectQueries subjects) {
		this.stats = stats;
		this.choice = choice;
		this.subjects = subjects;
	}

	@GetMapping("/stats")
	String stats(Authentication caller, @RequestParam(required = false) String account,
			@RequestParam(required = false) String period, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String by,
			@RequestParam(required = false) String step, @RequestParam(required = false) String show, Model model) {
		Account chosen = this.choice.choose(caller, account, model);
		ZoneId zone = StatsAccounts.zoneOf(chosen);
		LocalDate today = this.stats.today(zone);
		StatsRange range = StatsRange.of(period, from, to, today);
		TopOrder order = (by != null && !by.isBlank()) ? TopOrder.parse(by) : TopOrder.PLAYS;
		int listSize = listSize(show);
		StatsPeriod statsPeriod = new StatsPeriod(chosen.id(), zone, range.from(), range.to());
		Summary summary = this.stats.summary(statsPeriod);
		SeriesStep seriesStep = (step != null && !step.isBlank()) ? SeriesStep.parse(step)
				: SeriesStep.suiting(firstDay(statsPeriod, summary, today), (range.to() != null) ? range.to() : today);
		List<SeriesPoint> series = this.stats.series(statsPeriod, seriesStep);
		model.addAttribute("range", range);
		model.addAttribute("zone", zone.getId());
		model.addAttribute("years", years(today));
		model.addAttribute("by", order.name().toLowerCase(java.util.Locale.ROOT));
		model.addAttribute("step", seriesStep.name().toLowerCase(java.util.Locale.ROOT));
		model.addAttribute("listSize", listSize);
		model.addAttribute("moreSize", Math.min(LONGEST_LIST, listSize * 2));
		model.addAttribute("summary", summary);
		model.addAttribute("figures", new SummaryFigures(summary));
		StatsRange previous = range.previous();
		if (previous != null) {
			Summary before = this.stats.summary(new StatsPeriod(chosen.id(), zone, previous.from(), previous.to()));
			model.addAttribute("previous", previous);
			model.addAttribute("comparison", new Comparison(summary, before));
		}
		List<TopItem> tracks = this.stats.top(statsPeriod, TopKind.TRACKS, order, listSize);
		List<TopItem> albums = this.stats.top(statsPeriod, TopKind.ALBUMS, order, listSize);
		model.addAttribute("topTracks", ranked(tracks, summary));
		model.addAttribute("topArtists",
				ranked(this.stats.top(statsPeriod, TopKind.ARTISTS, order, listSize), summary));
		model.addAttribute("topAlbums", ranked(albums, summary));
		model.addAttribute("trackCovers", this.subjects.covers(tracks.stream().map(TopItem::id).toList(), true));
		model.addAttribute("albumCovers", this.subjects.covers(albums.stream().map(TopItem::id).toList(), false));
		model.addAttribute("series", series);
		model.addAttribute("seriesLabels",
				series.stream().map((p) -> p.start().toString()).collect(Collectors.joining(",")));
		model.addAttribute("seriesPlays",
				series.stream().map((p) -> Long.toString(p.plays())).collect(Collectors.joining(",")));
		model.addAttribute("seriesMinutes",
				series.stream().map((p) -> Long.toString(p.ms() / 60_000)).collect(Collectors.joining(",")));
		model.addAttribute("clock", ClockView.of(this.stats.clock(statsPeriod)));
		return "report/stats";
	}

	private LocalDate firstDay(StatsPeriod period, Summary summary, LocalDate today) {
		if (period.from() != null) {
			return period.from();
		}
		List<SeriesPoint> months = (summary.plays() > 0) ? this.stats.series(period, SeriesStep.MONTH) : List.of();
		return months.isEmpty() ? today : months.get(0).start();
	}

	static int listSize(String show) {
		if (show == null || show.isBlank()) {
			return LIST_SIZE;
		}
		try {
			return Math.max(1, Math.min(LONGEST_LIST, Integer.parseInt(show.strip())));
		}
		catch (NumberFormatException ex) {
			throw new StatsParameterException("show " + TopKind.quoted(show) + " is no whole number.");
		}
	}

	static List<Integer> years(LocalDate today) {
		List<Integer> years = new ArrayList<>();
		for (int year = today.getYear(); year > today.getYear() - 10; year--) {
			years.add(year);
		}
		return years;
	}

	static List<RankedItem> ranked(List<TopItem> items, Summary summary) {
		return ranked(items, summary.plays(), summary.ms());
	}

	/**
	 * @param plays the whole the shares are of
	 * @param ms the whole time the shares are of
	 */
	static List<RankedItem> ranked(List<TopItem> items, long plays, long ms) {
		List<RankedItem> ranked = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			TopItem item = items.get(i);
			ranked.add(new RankedItem(i + 1, item, Durations.format(item.ms()),
					(plays > 0) ? 100.0 * item.plays() / plays : 0, (ms > 0) ? 100.0 * item.ms() / ms : 0));
		}
		return ranked;
	}

	/**
	 * A top list row with its rank, its time for people and its share of the period.
	 */
	public record RankedItem(int rank, TopItem item, String time, double playShare, double timeShare) {

	}

	/**
	 * The summary's figures for people.
	 */
	public record SummaryFigures(String time, String longestSession, double estimatedShare) {

		SummaryFigures(Summary summary) {
			this(Durations.format(summary.ms()), Durations.format(summary.longestSessionMs()),
					(summary.ms() > 0) ? 100.0 * summary.estimatedMs() / summary.ms() : 0);
		}

	}

	/**
	 * This period against the one before: the change in plays and time, in percent (null
	 * when the period before had none).
	 */
	public record Comparison(long playsBefore, String timeBefore, Double playsChange, Double timeChange) {

		Comparison(Summary now, Summary before) {
			this(before.plays(), Durations.format(before.ms()), change(now.plays(), before.plays()),
					change(now.ms(), before.ms()));
		}

		private static Double change(long now, long before) {
			return (before == 0) ? null : 100.0 * (now - before) / before;
		}

	}

	/**
	 * The listening clock as a table: plays per weekday and hour, each cell with a heat
	 * level (0 to 4) relative to the busiest cell for its colour.
	 */
	public record ClockView(List<ClockRow> rows, long busiest) {

		static final String[] DAYS = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };

		static ClockView of(long[][] cells) {
			long busiest = 0;
			for (long[] row : cells) {
				for (long cell : row) {
					busiest = Math.max(busiest, cell);
				}
			}
			List<ClockRow> rows = new ArrayList<>();
			for (int day = 0; day < 7; day++) {
				List<ClockCell> row = new ArrayList<>();
				for (int hour = 0; hour < 24; hour++) {
					long plays = cells[day][hour];
					int heat = (plays == 0) ? 0 : (int) Math.min(4, 1 + (4 * (plays - 1)) / Math.max(1, busiest));
					row.add(new ClockCell(hour, plays, heat));
				}
				rows.add(new ClockRow(DAYS[day], row));
			}
			return new ClockView(rows, busiest);
		}

	}

	public record ClockRow(String day, List<ClockCell> cells) {

	}

	public record ClockCell(int hour, long plays, int heat) {

	}

}
