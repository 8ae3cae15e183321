package dev.spotifytracker.plays;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import dev.spotifytracker.account.Account;
import dev.spotifytracker.account.AccountChoice;
import dev.spotifytracker.account.DateDisplay;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The history page: every play, newest first, a day header over each day's plays,
 * filtered by dates, text and source; hiding (reversible) and deleting (audited) one
 * play, a day's plays or an import's plays, the latter two after a confirmation.
 */
@Controller
class HistoryController {

	static final int PAGE_SIZE = 100;

	private final AccountChoice accounts;

	private final HistoryQueries history;

	private final PlayCuration curation;

	HistoryController(AccountChoice accounts, HistoryQueries history, PlayCuration curation) {
		this.accounts = accounts;
		this.history = history;
		this.curation = curation;
	}

	@GetMapping("/history")
	String history(Authentication caller, @RequestParam(required = false) String account,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String q, @RequestParam(required = false) String source,
			@RequestParam(required = false) String before,
			@ModelAttribute(name = "dates", binding = false) DateDisplay dates, Model model) {
		Account chosen = this.accounts.choose(caller, account, model);
		HistoryFilter filter = HistoryFilter.parse(from, to, dates.zone(), q, source);
		HistoryQueries.Cursor cursor = HistoryQueries.Cursor.parse(before);
		List<HistoryPlay> found = this.history.page(chosen.id(), filter, cursor, PAGE_SIZE + 1);
		List<HistoryPlay> shown = found.subList(0, Math.min(PAGE_SIZE, found.size()));
		model.addAttribute("days", days(shown, dates.zone()));
		model.addAttribute("filter", filter);
		model.addAttribute("from", (filter.from() != null) ? filter.from().toString() : "");
		model.addAttribute("to", (filter.to() != null) ? filter.to().toString() : "");
		model.addAttribute("paged", cursor != null);
		model.addAttribute("firstUrl", url(chosen, filter, null));
		model.addAttribute("nextUrl",
				(found.size() > PAGE_SIZE) ? url(chosen, filter, shown.get(shown.size() - 1).cursor()) : null);
		model.addAttribute("exportUrl", exportUrl(chosen, filter, "csv"));
		model.addAttribute("exportJsonUrl", exportUrl(chosen, filter, "json"));
		model.addAttribute("audit", this.curation.recent(chosen.id(), 10));
		return "plays/history";
	}

	@PostMapping("/history/plays/{playId}/{action}")
	String curatePlay(Authentication caller, @RequestParam(required = false) String account, @PathVariable long playId,
			@PathVariable String action, @RequestParam(name = "back", required = false) String back,
			RedirectAttributes redirect) {
		Account chosen = this.accounts.choose(caller, account);
		PlayWrites.Curation what = curationOf(action);
		int changed = this.curation.curate(chosen.id(), caller.getName(), what, "play " + playId,
				new long[] { playId });
		redirect.addFlashAttribute("message", (changed == 0) ? "Nothing changed." : done(what, changed));
		return "redirect:" + safeBack(back);
	}

	@PostMapping("/history/days/{day}/{action}")
	String curateDay(Authentication caller, @RequestParam(required = false) String account, @PathVariable String day,
			@PathVariable String action, @RequestParam(defaultValue = "false") boolean confirmed,
			@ModelAttribute(name = "dates", binding = false) DateDisplay dates, Model model,
			RedirectAttributes redirect) {
		Account chosen = this.accounts.choose(caller, account, model);
		PlayWrites.Curation what = curationOf(action);
		LocalDate date = day(day);
		long[] plays = this.history.playsOfDay(chosen.id(), date, dates.zone());
		return confirmOrDo(caller, chosen, what, "day " + date, "the plays of " + date, plays, confirmed,
				"/history/days/" + date + "/" + action, model, redirect);
	}

	@PostMapping("/history/imports/{importId}/{action}")
	String curateImport(Authentication caller, @RequestParam(required = false) String account,
			@PathVariable long importId, @PathVariable String action,
			@RequestParam(defaultValue = "false") boolean confirmed, Model model, RedirectAttributes redirect) {
		Account chosen = this.accounts.choose(caller, account, model);
		PlayWrites.Curation what = curationOf(action);
		long[] plays = this.history.playsOfImport(chosen.id(), importId);
		return confirmOrDo(caller, chosen, what, "import " + importId, "the plays import " + importId + " added", plays,
				confirmed, "/history/imports/" + importId + "/" + action, model, redirect);
	}

	private String confirmOrDo(Authentication caller, Account chosen, PlayWrites.Curation what, String scope,
			String description, long[] plays, boolean confirmed, String action, Model model,
			RedirectAttributes redirect) {
		if (!confirmed) {
			model.addAttribute("what", what.name().toLowerCase(java.util.Locale.ROOT));
			model.addAttribute("description", description);
			model.addAttribute("count", plays.length);
			model.addAttribute("action", action);
			return "plays/confirm";
		}
		int changed = this.curation.curate(chosen.id(), caller.getName(), what, scope, plays);
		redirect.addFlashAttribute("message", (changed == 0) ? "Nothing changed." : done(what, changed));
		return "redirect:/history?account=" + chosen.spotifyUserId();
	}

	private static PlayWrites.Curation curationOf(String action) {
		return switch (action) {
			case "hide" -> PlayWrites.Curation.HIDE;
			case "unhide" -> PlayWrites.Curation.UNHIDE;
			case "delete" -> PlayWrites.Curation.DELETE;
			default -> throw HistoryFilter.bad("'" + action + "' is no action on plays: use hide, unhide or delete.");
		};
	}

	private static String done(PlayWrites.Curation what, int changed) {
		String plays = (changed == 1) ? "1 play" : String.format("%,d plays", changed);
		return switch (what) {
			case HIDE -> plays + " hidden: they count nowhere until you show them again.";
			case UNHIDE -> plays + " shown again.";
			case DELETE -> plays + " deleted.";
			case RESTORE -> plays + " restored.";
		};
	}

	private static LocalDate day(String day) {
		try {
			LocalDate date = LocalDate.parse(day);
			if (date.getYear() < HistoryFilter.FIRST_YEAR || date.getYear() > HistoryFilter.LAST_YEAR) {
				throw HistoryFilter.bad("'" + day + "' is outside the years a history can hold.");
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			throw HistoryFilter.bad("'" + day + "' is not a valid date: use YYYY-MM-DD.");
		}
	}

	/**
	 * Only a path of this site, so the form cannot send anyone elsewhere.
	 */
	private static String safeBack(String back) {
		return (back != null && back.startsWith("/history") && !back.startsWith("//")) ? back : "/history";
	}

	private static List<Day> days(List<HistoryPlay> plays, ZoneId zone) {
		List<Day> days = new ArrayList<>();
		for (HistoryPlay play : plays) {
			LocalDate date = LocalDate.ofInstant(play.startedAt(), zone);
			if (days.isEmpty() || !days.get(days.size() - 1).date().equals(date)) {
				days.add(new Day(date, new ArrayList<>()));
			}
			days.get(days.size() - 1).plays().add(play);
		}
		return days;
	}

	private static String url(Account account, HistoryFilter filter, String before) {
		return UriComponentsBuilder.fromPath("/history")
			.queryParam("account", account.spotifyUserId())
			.queryParamIfPresent("from", java.util.Optional.ofNullable(filter.from()))
			.queryParamIfPresent("to", java.util.Optional.ofNullable(filter.to()))
			.queryParamIfPresent("q", java.util.Optional.of(filter.text()).filter((text) -> !text.isEmpty()))
			.queryParamIfPresent("source", java.util.Optional.ofNullable(filter.source()))
			.queryParamIfPresent("before", java.util.Optional.ofNullable(before))
			.build()
			.encode()
			.toUriString();
	}

	private static String exportUrl(Account account, HistoryFilter filter, String format) {
		return UriComponentsBuilder.fromPath("/api/plays")
			.queryParam("account", account.spotifyUserId())
			.queryParamIfPresent("from", java.util.Optional.ofNullable(filter.from()))
			.queryParamIfPresent("to", java.util.Optional.ofNullable(filter.to()))
			.queryParam("tz", filter.zone().getId())
			.queryParam("format", format)
			.build()
			.encode()
			.toUriString();
	}

	/**
	 * A day header and the plays that started on that local day, newest first.
	 */
	record Day(LocalDate date, List<HistoryPlay> plays) {

	}

}
