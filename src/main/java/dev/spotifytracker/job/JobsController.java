package dev.spotifytracker.job;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.spotifytracker.account.Account;
import dev.spotifytracker.account.AccountChoice;
import dev.spotifytracker.account.AccountService;
import dev.spotifytracker.app.AccountId;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The jobs page: a button per job, the started run live (progress and log lines, polled
 * by htmx until the run ends), and the recent runs, paged; and each run's own page.
 */
@Controller
class JobsController {

	static final int RUNS_PER_PAGE = 20;

	/** Tells the recent-runs table to reload when a watched run ended. */
	static final String RUN_ENDED_EVENT = "run-ended";

	private final AccountChoice choice;

	private final AccountService accounts;

	private final JobLauncher launcher;

	private final JobRuns runs;

	private final RunAccess access;

	private final JobRegistry registry;

	JobsController(AccountChoice choice, AccountService accounts, JobLauncher launcher, JobRuns runs, RunAccess access,
			JobRegistry registry) {
		this.choice = choice;
		this.accounts = accounts;
		this.launcher = launcher;
		this.runs = runs;
		this.access = access;
		this.registry = registry;
	}

	@GetMapping("/jobs")
	String jobs(Authentication caller, @RequestParam(required = false) String account,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page, Model model) {
		Account chosen = this.choice.choose(caller, account, model);
		List<Job> listed = this.registry.listed();
		model.addAttribute("jobs", listed.stream().map(Job::name).toList());
		model.addAttribute("descriptions", listed.stream().collect(Collectors.toMap(Job::name, Job::description)));
		// a run going on when the page loads is watched as if just started
		this.runs.recent(new RunQuery(List.of(chosen.id()), null, RunStatus.RUNNING), 0, 1)
			.runs()
			.stream()
			.findFirst()
			.ifPresent((running) -> addLive(running, model));
		addRecent(chosen, page, model);
		return "job/list";
	}

	/**
	 * The recent runs table alone, reloaded by htmx when a run ends.
	 */
	@GetMapping("/jobs/recent")
	String recent(Authentication caller, @RequestParam(required = false) String account,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page, Model model) {
		Account chosen = this.choice.choose(caller, account, model);
		addRecent(chosen, page, model);
		return "job/fragments :: recent";
	}

	@PostMapping("/jobs/{job}")
	String start(Authentication caller, @RequestParam(required = false) String account, @PathVariable String job,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) {
		Account chosen = this.choice.choose(caller, account, model);
		if (this.registry.listed().stream().noneMatch((listed) -> listed.name().equals(job))) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no job " + job + ".");
		}
		Launch launch = this.launcher.start(job, chosen.id(), Trigger.DASHBOARD);
		Long runId = null;
		String notice = null;
		if (launch instanceof Launch.Started started) {
			runId = started.runId();
		}
		else if (launch instanceof Launch.AlreadyRunning already) {
			runId = already.runId();
			notice = job + " is already running for " + chosen.name() + ": this is that run.";
		}
		else {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no job " + job + ".");
		}
		if (htmx != null) {
			model.addAttribute("notice", notice);
			if (runId != null) {
				addLive(runId, model);
			}
			return "job/fragments :: started";
		}
		redirect.addFlashAttribute("notice", notice);
		return (runId != null) ? "redirect:/jobs/runs/" + runId : "redirect:/jobs?account=" + chosen.spotifyUserId();
	}

	@GetMapping("/jobs/runs/{runId}")
	String run(Authentication caller, @PathVariable long runId, Model model) {
		JobRun run = this.access.visible(caller, runId);
		model.addAttribute("account", this.accounts.find(run.account()).orElse(null));
		addLive(run, model);
		return "job/run";
	}

	/**
	 * The run's live panel; htmx polls it while the run goes on.
	 */
	@GetMapping("/jobs/runs/{runId}/live")
	String live(Authentication caller, @PathVariable long runId, Model model, HttpServletResponse response) {
		JobRun run = this.access.visible(caller, runId);
		addLive(run, model);
		if (!run.isRunning()) {
			response.setHeader("HX-Trigger", RUN_ENDED_EVENT);
		}
		return "job/fragments :: live";
	}

	private void addLive(long runId, Model model) {
		this.runs.run(runId).ifPresent((run) -> addLive(run, model));
	}

	private void addLive(JobRun run, Model model) {
		model.addAttribute("run", run);
		model.addAttribute("lines", this.runs.runLogs(run.id()));
	}

	private void addRecent(Account account, int page, Model model) {
		model.addAttribute("recent",
				this.runs.recent(RunQuery.forAccounts(List.of(account.id())), page, RUNS_PER_PAGE));
		model.addAttribute("accountNames", names(List.of(account)));
	}

	static Map<AccountId, String> names(List<Account> accounts) {
		return accounts.stream().collect(Collectors.toMap(Account::id, Account::name, (a, b) -> a));
	}

}
