package dev.spotifytracker.report;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stats API of DESIGN.md ("History, stats and playlist API"), for scripts (the API
 * token, as the owner) and signed-in people (the accounts they may see). Parameters are
 * read as text and checked here, so each mistake gets its own sentence.
 */
@RestController
@RequestMapping("/api/stats")
class StatsController {

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 10_000;

	private final StatsService stats;

	private final StatsAccounts accounts;

	StatsController(StatsService stats, StatsAccounts accounts) {
		this.stats = stats;
		this.accounts = accounts;
	}

	@GetMapping("/top")
	TopBody top(@RequestParam(required = false) String account, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String by, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String tz,
			@RequestParam(required = false) String limit, Authentication caller) {
		TopKind parsedKind = (kind != null) ? TopKind.parse(kind) : TopKind.TRACKS;
		TopOrder parsedBy = (by != null) ? TopOrder.parse(by) : TopOrder.PLAYS;
		int parsedLimit = limit(limit);
		StatsPeriod period = this.accounts.period(caller, account, from, to, tz);
		return new TopBody(this.stats.top(period, parsedKind, parsedBy, parsedLimit));
	}

	@GetMapping("/summary")
	SummaryBody summary(@RequestParam(required = false) String account, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String tz,
			Authentication caller) {
		Summary summary = this.stats.summary(this.accounts.period(caller, account, from, to, tz));
		return new SummaryBody(summary.plays(), summary.ms(), summary.tracks(), summary.artists(), summary.albums(),
				summary.newTracks(), summary.newArtists(), summary.longestStreakDays(), summary.currentStreakDays(),
				summary.longestSessionMs());
	}

	@GetMapping("/clock")
	ClockBody clock(@RequestParam(required = false) String account, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String tz,
			Authentication caller) {
		return new ClockBody(this.stats.clock(this.accounts.period(caller, account, from, to, tz)));
	}

	@GetMapping("/series")
	SeriesBody series(@RequestParam(required = false) String account, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String tz,
			@RequestParam(required = false) String step, Authentication caller) {
		SeriesStep parsedStep = (step != null) ? SeriesStep.parse(step) : null;
		StatsPeriod period = this.accounts.period(caller, account, from, to, tz);
		if (parsedStep == null) {
			parsedStep = (period.from() != null) ? SeriesStep.suiting(period.from(),
					(period.to() != null) ? period.to() : this.stats.today(period.zone())) : SeriesStep.MONTH;
		}
		return new SeriesBody(this.stats.series(period, parsedStep)
			.stream()
			.map((point) -> new PointBody(point.start().toString(), point.plays(), point.ms()))
			.toList());
	}

	static int limit(String value) {
		if (value == null || value.isBlank()) {
			return DEFAULT_LIMIT;
		}
		int limit;
		try {
			limit = Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new StatsParameterException("limit " + TopKind.quoted(value) + " is no whole number.");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new StatsParameterException("limit must be between 1 and " + MAX_LIMIT + ".");
		}
		return limit;
	}

	record TopBody(List<TopItem> items) {

	}

	record SummaryBody(long plays, long ms, long tracks, long artists, long albums, long newTracks, long newArtists,
			int longestStreakDays, int currentStreakDays, long longestSessionMs) {

	}

	record ClockBody(long[][] cells) {

	}

	record PointBody(String start, long plays, long ms) {

	}

	record SeriesBody(List<PointBody> points) {

	}

}
