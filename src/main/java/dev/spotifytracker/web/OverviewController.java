package dev.spotifytracker.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.spotifytracker.account.Account;
import dev.spotifytracker.account.AccountService;
import dev.spotifytracker.account.DateDisplay;
import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.Job;
import dev.spotifytracker.job.JobRegistry;
import dev.spotifytracker.job.JobRun;
import dev.spotifytracker.job.JobRuns;
import dev.spotifytracker.library.LibraryService;
import dev.spotifytracker.playlist.MappingStatus;
import dev.spotifytracker.playlist.PlaylistRuleView;
import dev.spotifytracker.playlist.PlaylistService;
import dev.spotifytracker.plays.PlayService;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The overview, the first page after sign-in: per account (the owner sees every account)
 * the library's size, the last run of each job and the next scheduled one, and banners
 * for what needs the user.
 */
@Controller
class OverviewController {

	private final AccountService accounts;

	private final LibraryService library;

	private final PlayService plays;

	private final PlaylistService playlists;

	private final JobRegistry registry;

	private final JobRuns runs;

	private final Clock clock;

	OverviewController(AccountService accounts, LibraryService library, PlayService plays, PlaylistService playlists,
			JobRegistry registry, JobRuns runs, Clock clock) {
		this.accounts = accounts;
		this.library = library;
		this.plays = plays;
		this.playlists = playlists;
		this.registry = registry;
		this.runs = runs;
		this.clock = clock;
	}

	@GetMapping("/")
	String overview(Authentication caller, @ModelAttribute(name = "dates", binding = false) DateDisplay dates,
			Model model) {
		AccountId own = this.accounts.current(caller).map(Account::id).orElse(null);
		// the viewer's own account first, then the others by name
		List<Account> shown = this.accounts.accessible(caller)
			.stream()
			.sorted(Comparator.comparing((Account account) -> !account.id().equals(own)).thenComparing(Account::name))
			.toList();
		List<String> jobs = this.registry.listed().stream().map(Job::name).toList();
		Map<String, Instant> next = new LinkedHashMap<>();
		jobs.forEach((job) -> next.put(job, this.runs.nextScheduledRun(job).orElse(null)));
		Map<AccountId, Map<String, JobRun>> lastRuns = new LinkedHashMap<>();
		this.runs.lastRuns(shown.stream().map(Account::id).toList())
			.forEach((run) -> lastRuns.computeIfAbsent(run.account(), (id) -> new LinkedHashMap<>())
				.put(run.job(), run));
		Instant now = this.clock.instant();
		model.addAttribute("overviews", shown.stream().map((account) -> {
			Map<String, JobRun> last = lastRuns.getOrDefault(account.id(), Map.of());
			List<AccountOverview.JobLine> lines = jobs.stream()
				.map((job) -> new AccountOverview.JobLine(job, last.get(job), next.get(job)))
				.toList();
			List<Banner> banners = OverviewBanners.of(account, account.id().equals(own),
					this.plays.lastPollGap(account.id()).orElse(null), removedPlaylists(account.id()), dates, now);
			return new AccountOverview(account, this.library.counts(account.id()), this.plays.count(account.id()),
					this.plays.lastPlayedAt(account.id()).orElse(null), lines, banners);
		}).toList());
		return "web/overview";
	}

	private List<String> removedPlaylists(AccountId account) {
		return this.playlists.rules(account)
			.stream()
			.map(PlaylistRuleView::playlist)
			.filter(Objects::nonNull)
			.filter((playlist) -> playlist.status() == MappingStatus.REMOVED)
			.map((playlist) -> playlist.name())
			.toList();
	}

}
