package dev.spotifytracker.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.spotifytracker.account.JobAccounts;
import dev.spotifytracker.app.AccountId;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The job API of DESIGN.md, used by external schedulers and scripts (bearer token) and by
 * the dashboard (session). Errors are problem details.
 */
@RestController
@RequestMapping("/api/jobs")
class JobController {

	private final JobLauncher launcher;

	private final JobRuns runs;

	private final JobAccounts accounts;

	private final ApplicationAvailability availability;

	JobController(JobLauncher launcher, JobRuns runs, JobAccounts accounts, ApplicationAvailability availability) {
		this.launcher = launcher;
		this.runs = runs;
		this.accounts = accounts;
		this.availability = availability;
	}

	/**
	 * Starts the job for the named account, or for every account the caller may access.
	 */
	@PostMapping("/{job}")
	ResponseEntity<Object> start(@PathVariable String job, @RequestParam(required = false) String account,
			Authentication caller) {
		if (this.availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
			// still starting (the accounts may not be there yet) or already stopping
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header("Retry-After", "10")
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
						"The service is starting or stopping; try again in a few seconds."));
		}
		if (!this.launcher.jobNames().contains(job)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No job named " + job);
		}
		List<AccountId> accessible = this.accounts.accessibleTo(caller);
		List<AccountId> targets = (account != null) ? List.of(named(account, accessible, caller)) : accessible;
		if (targets.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No account to run " + job + " for");
		}
		List<Long> started = new ArrayList<>();
		Long running = null;
		for (AccountId target : targets) {
			Launch launch = this.launcher.start(job, target, Trigger.API);
			if (launch instanceof Launch.Started start) {
				started.add(start.runId());
			}
			else if (launch instanceof Launch.AlreadyRunning already && running == null) {
				running = already.runId();
			}
			else if (launch instanceof Launch.UnknownJob) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No job named " + job);
			}
		}
		if (started.isEmpty()) {
			return ResponseEntity.status(HttpStatus.CONFLICT).body(new AlreadyRunningBody("already running", running));
		}
		return ResponseEntity.accepted()
			.body(new StartedBody(started.get(0), (targets.size() > 1) ? List.copyOf(started) : null));
	}

	@GetMapping("/runs/{runId}")
	RunBody run(@PathVariable long runId, Authentication caller) {
		JobRun run = this.runs.run(runId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No run " + runId));
		if (run.account() == null || !this.accounts.accessibleTo(caller).contains(run.account())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Run " + runId + " is another account's");
		}
		return new RunBody(run.id(), run.job(), this.accounts.spotifyUserId(run.account()), run.trigger().value(),
				run.status().value(), run.startedAt(), run.finishedAt(), run.apiCalls(), run.items(), run.message(),
				run.progressDone(), run.progressTotal(), run.details());
	}

	private AccountId named(String spotifyUserId, List<AccountId> accessible, Authentication caller) {
		// a member is told the same about an account that does not exist and one that is
		// not theirs, so the API does not tell who else uses the service
		boolean member = caller.getAuthorities().stream().anyMatch((role) -> "ROLE_MEMBER".equals(role.getAuthority()));
		AccountId account = this.accounts.bySpotifyUserId(spotifyUserId)
			.orElseThrow(() -> member
					? new ResponseStatusException(HttpStatus.FORBIDDEN,
							"You may not run jobs for account " + spotifyUserId)
					: new ResponseStatusException(HttpStatus.BAD_REQUEST, "No account " + spotifyUserId));
		if (!accessible.contains(account)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"You may not run jobs for account " + spotifyUserId);
		}
		return account;
	}

	/**
	 * @param runIds every started run when the job was started for several accounts
	 */
	record StartedBody(long runId, List<Long> runIds) {

	}

	/**
	 * @param runId the running run; always present as a key, null in the instant another
	 * instance is recording it
	 */
	record AlreadyRunningBody(String message, @JsonInclude(JsonInclude.Include.ALWAYS) Long runId) {

	}

	/**
	 * The run as DESIGN.md fixes it, every key present (null while unknown), plus what
	 * the dashboard also shows.
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record RunBody(long runId, String job, String account, String trigger, String status, Instant startedAt,
			Instant finishedAt, int apiCalls, int items, String message, int progressDone, Integer progressTotal,
			Map<String, Object> details) {

	}

}
