package dev.spotifytracker.job;

import dev.spotifytracker.account.AccountService;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * A run as the viewer may see it: a run of one of their accounts.
 */
@Component
class RunAccess {

	private final JobRuns runs;

	private final AccountService accounts;

	RunAccess(JobRuns runs, AccountService accounts) {
		this.runs = runs;
		this.accounts = accounts;
	}

	/**
	 * @throws ResponseStatusException 404 when there is no such run
	 * @throws AccessDeniedException when it is another account's run
	 */
	JobRun visible(Authentication caller, long runId) {
		JobRun run = this.runs.run(runId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no run " + runId + "."));
		if (run.account() == null || !this.accounts.canAccess(caller, run.account())) {
			throw new AccessDeniedException("Another account's run");
		}
		return run;
	}

}
