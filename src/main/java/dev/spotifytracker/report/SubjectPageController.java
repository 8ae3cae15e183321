package dev.spotifytracker.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.spotifytracker.account.Account;
import dev.spotifytracker.account.AccountChoice;
import dev.spotifytracker.playlist.PlaylistPlaces;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The artist, album and track pages ({@code /stats/artist/{id}},
 * {@code /stats/album/{id}}, {@code /stats/track/{id}}): for a period of the Stats page's
 * picker (all time unless chosen), the plays over time, the first and last play, the
 * share of the account's listening, the top tracks of an artist or album, and a track's
 * place in the account's smart playlists. The figures come from {@link StatsService}, as
 * the Stats page's and the API's top lists do, so a page and its row in a top list always
 * agree.
 */
@Controller
class SubjectPageController {

	static final int TOP_TRACKS = 20;

	private final StatsService stats;

	private final SubjectQueries subjects;

	private final AccountChoice choice;

	private final PlaylistPlaces places;

	SubjectPageController(StatsService stats, SubjectQueries subjects, AccountChoice choice, PlaylistPlaces places) {
		this.stats = stats;
		this.subjects = subjects;
		this.choice = choice;
		this.places = places;
	}

	@GetMapping("/stats/track/{id}")
	String track(Authentication caller, @RequestParam(required = false) String account, @PathVariable String id,
			@RequestParam(required = false) String period, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model) {
		return page(caller, account, new StatsSubject(TopKind.TRACKS, id), period, from, to, model);
	}

	@GetMapping("/stats/album/{id}")
	String album(Authentication caller, @RequestParam(required = false) String account, @PathVariable String id,
			@RequestParam(required = false) String period, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model) {
		return page(caller, account, new StatsSubject(TopKind.ALBUMS, id), period, from, to, model);
	}

	@GetMapping("/stats/artist/{id}")
	String artist(Authentication caller, @RequestParam(required = false) String account, @PathVariable String id,
			@RequestParam(required = false) String period, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model) {
		return page(caller, account, new StatsSubject(TopKind.ARTISTS, id), period, from, to, model);
	}

	private String page(Authentication caller, String account, StatsSubject subject, String period, String from,
			String to, Model model) {
		Account chosen = this.choice.choose(caller, account, model);
		SubjectQueries.SubjectHeading heading = this.subjects.heading(subject)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"There is no " + noun(subject.kind()) + " with that id in the catalog."));
		ZoneId zone = StatsAccounts.zoneOf(chosen);
		LocalDate today = this.stats.today(zone);
		StatsRange range = StatsRange.of((period == null || period.isBlank()) ? "all" : period, from, to, today);
		StatsPeriod statsPeriod = new StatsPeriod(chosen.id(), zone, range.from(), range.to());
		StatsSource.Figures own = this.stats.figures(statsPeriod, subject);
		StatsSource.Figures all = this.stats.figures(statsPeriod, null);
		List<SeriesPoint> months = this.stats.series(statsPeriod, SeriesStep.MONTH, subject);
		LocalDate firstDay = (range.from() != null) ? range.from() : (months.isEmpty() ? today : months.get(0).start());
		SeriesStep step = SeriesStep.suiting(firstDay, (range.to() != null) ? range.to() : today);
		List<SeriesPoint> series = (step == SeriesStep.MONTH) ? months : this.stats.series(statsPeriod, step, subject);
		model.addAttribute("heading", heading);
		model.addAttribute("kind", noun(subject.kind()));
		model.addAttribute("range", range);
		model.addAttribute("zone", zone.getId());
		model.addAttribute("years", StatsPageController.years(today));
		model.addAttribute("own", own);
		model.addAttribute("time", Durations.format(own.ms()));
		model.addAttribute("playShare", (all.plays() > 0) ? 100.0 * own.plays() / all.plays() : 0);
		model.addAttribute("timeShare", (all.ms() > 0) ? 100.0 * own.ms() / all.ms() : 0);
		model.addAttribute("span", this.subjects.span(chosen.id(), subject));
		model.addAttribute("step", step.name().toLowerCase(Locale.ROOT));
		model.addAttribute("series", series);
		model.addAttribute("seriesLabels",
				series.stream().map((p) -> p.start().toString()).collect(Collectors.joining(",")));
		model.addAttribute("seriesPlays",
				series.stream().map((p) -> Long.toString(p.plays())).collect(Collectors.joining(",")));
		model.addAttribute("seriesMinutes",
				series.stream().map((p) -> Long.toString(p.ms() / 60_000)).collect(Collectors.joining(",")));
		if (subject.kind() == TopKind.TRACKS) {
			model.addAttribute("places", this.places.of(chosen.id(), subject.id()));
		}
		else {
			List<TopItem> top = this.stats.top(statsPeriod, TopKind.TRACKS, TopOrder.PLAYS, TOP_TRACKS, subject);
			model.addAttribute("topTracks", StatsPageController.ranked(top, own.plays(), own.ms()));
			model.addAttribute("covers", this.subjects.covers(top.stream().map(TopItem::id).toList(), true));
		}
		return "report/subject";
	}

	static String noun(TopKind kind) {
		return switch (kind) {
			case TRACKS -> "track";
			case ALBUMS -> "album";
			case ARTISTS -> "artist";
		};
	}

}
