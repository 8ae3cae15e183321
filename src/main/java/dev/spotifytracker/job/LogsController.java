package dev.spotifytracker.job;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.spotifytracker.account.Account;
import dev.spotifytracker.account.AccountChoice;
import dev.spotifytracker.account.AccountService;
import dev.spotifytracker.account.DateDisplay;
import dev.spotifytracker.app.AccountId;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The logs page: the job runs' log lines, newest first, filtered by job, level (at
 * least), account, text and time range (in the viewer's time zone), paged by a cursor;
 * each line links to its run.
 */
@Controller
class LogsController {

	static final int LINES_PER_PAGE = 50;

	private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

	private final AccountChoice choice;

	private final AccountService accounts;

	private final JobLauncher launcher;

	private final JobRuns runs;

	LogsController(AccountChoice choice, AccountService accounts, JobLauncher launcher, JobRuns runs) {
		this.choice = choice;
		this.accounts = accounts;
		this.launcher = launcher;
		this.runs = runs;
	}

	@GetMapping("/logs")
	String logs(Authentication caller, @RequestParam(required = false) String account,
			@RequestParam(defaultValue = "") String job, @RequestParam(defaultValue = "") String level,
			@RequestParam(defaultValue = "") @Size(max = 200) String text, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, @RequestParam(required = false) Instant beforeAt,
			@RequestParam(required = false) Long beforeId,
			@ModelAttribute(name = "dates", binding = false) DateDisplay dates, Model model) {
		List<Account> accessible = this.accounts.accessible(caller);
		List<AccountId> shown = (account == null || account.isBlank()) ? accessible.stream().map(Account::id).toList()
				: List.of(this.choice.choose(caller, account).id());
		Set<String> jobs = new TreeSet<>(this.launcher.jobNames());
		if (!job.isEmpty() && !jobs.contains(job)) {
			throw badParameter(job, "job");
		}
		LogLevel atLeast = level.isEmpty() ? null : parseLevel(level);
		Instant fromInstant = instant(from, "from", dates.zone());
		Instant toInstant = instant(to, "to", dates.zone());
		if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'from' must be before 'to'.");
		}
		if ((beforeAt == null) != (beforeId == null)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'beforeAt' and 'beforeId' go together.");
		}
		if (beforeAt != null && !withinRange(beforeAt)) {
			throw badParameter(beforeAt.toString(), "beforeAt");
		}
		LogQuery query = new LogQuery(shown, job.isEmpty() ? null : job,
				(atLeast != null) ? EnumSet.range(atLeast, LogLevel.ERROR) : null, text.strip(), fromInstant,
				toInstant);
		LogCursor before = (beforeAt != null) ? new LogCursor(beforeAt, beforeId) : null;
		LogPage page = this.runs.logs(query, before, LINES_PER_PAGE);

		Map<String, String> filters = new LinkedHashMap<>();
		filters.put("account", (account != null) ? account.strip() : "");
		filters.put("job", job);
		filters.put("level", (atLeast != null) ? atLeast.name() : "");
		filters.put("text", text.strip());
		filters.put("from", from.strip());
		filters.put("to", to.strip());
		model.addAttribute("filters", filters);
		model.addAttribute("accounts", accessible);
		model.addAttribute("accountNames", JobsController.names(accessible));
		model.addAttribute("jobs", jobs);
		model.addAttribute("levels", LogLevel.values());
		model.addAttribute("lines", page.lines());
		model.addAttribute("runsById", runsOf(page.lines()));
		model.addAttribute("paged", before != null);
		model.addAttribute("firstUrl", url(filters, null));
		model.addAttribute("nextUrl", (page.next() != null) ? url(filters, page.next()) : null);
		return "job/logs";
	}

	/**
	 * The runs of the page's lines, to show each line's job (a page holds lines of a few
	 * runs).
	 */
	private Map<Long, JobRun> runsOf(List<LogLine> lines) {
		Map<Long, JobRun> found = new LinkedHashMap<>();
		lines.stream()
			.map(LogLine::runId)
			.distinct()
			.forEach((runId) -> this.runs.run(runId).ifPresent((run) -> found.put(runId, run)));
		return found;
	}

	private static String url(Map<String, String> filters, LogCursor before) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/logs");
		filters.forEach((name, value) -> {
			if (!value.isEmpty()) {
				url.queryParam(name, value);
			}
		});
		if (before != null) {
			url.queryParam("beforeAt", before.at().toString()).queryParam("beforeId", before.id());
		}
		// built before encoding: the builder's own encode() would take "{" in a filter
		// for a URI variable
		return url.build().encode().toUriString();
	}

	private static LogLevel parseLevel(String level) {
		try {
			return LogLevel.valueOf(level.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw badParameter(level, "level");
		}
	}

	/**
	 * A {@code datetime-local} value read in the viewer's time zone.
	 */
	static Instant instant(String value, String name, ZoneId zone) {
		if (value.isBlank()) {
			return null;
		}
		Instant instant;
		try {
			instant = LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
		}
		catch (DateTimeException ex) {
			throw badParameter(value, name);
		}
		if (!withinRange(instant)) {
			throw badParameter(value, name);
		}
		return instant;
	}

	/**
	 * Whether an instant is one a log line can have: PostgreSQL refuses instants past its
	 * range (year 294276), and none outside these years means anything here.
	 */
	static boolean withinRange(Instant instant) {
		return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
	}

	private static ResponseStatusException badParameter(String value, String name) {
		String shown = (value.length() > 60) ? value.substring(0, 60) + "…" : value;
		return new ResponseStatusException(HttpStatus.BAD_REQUEST,
				"'" + shown + "' is not a valid value for '" + name + "'.");
	}

}
