package dev.spotifytracker.job;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;

import dev.spotifytracker.account.JobAccounts;
import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.RunClaims.Claim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Starts jobs: in the background for the dashboard and the job API ({@link #start}), or
 * in the caller's thread for the schedules and tests ({@link #runNow}). Every run is
 * recorded in {@code job_runs}; a job runs at most once at a time per account and lock
 * group, across instances, and a trigger that finds it running starts nothing.
 */
@Service
public class JobLauncher {

	private static final Logger log = LoggerFactory.getLogger(JobLauncher.class);

	private final JobRegistry registry;

	private final RunClaims claims;

	private final JobRunner runner;

	private final JobAccounts accounts;

	private final CallBudget budget;

	private final RunRepository runs;

	private final JobThreads threads;

	JobLauncher(JobRegistry registry, RunClaims claims, JobRunner runner, JobAccounts accounts, CallBudget budget,
			RunRepository runs, JobThreads threads) {
		this.registry = registry;
		this.claims = claims;
		this.runner = runner;
		this.accounts = accounts;
		this.budget = budget;
		this.runs = runs;
		this.threads = threads;
	}

	/**
	 * The names of the jobs that can be started ({@code all} among them).
	 */
	public Set<String> jobNames() {
		return this.registry.names();
	}

	/**
	 * Starts the job for the account in the background.
	 * @return {@link Launch.Started} (also when the run was skipped at once: its row says
	 * why), {@link Launch.AlreadyRunning} or {@link Launch.UnknownJob}
	 */
	public Launch start(String job, AccountId account, Trigger trigger) {
		return launch(job, account, trigger, true);
	}

	/**
	 * Runs the job for the account in this thread.
	 * @return {@link Launch.Finished} with the ended run, {@link Launch.AlreadyRunning}
	 * or {@link Launch.UnknownJob}
	 */
	public Launch runNow(String job, AccountId account, Trigger trigger) {
		return launch(job, account, trigger, false);
	}

	private Launch launch(String name, AccountId account, Trigger trigger, boolean inBackground) {
		Optional<Job> found = this.registry.find(name);
		if (found.isEmpty()) {
			return new Launch.UnknownJob(name);
		}
		RunClaims.Result result = this.claims.claim(found.get(), account, trigger);
		if (!result.claimed()) {
			log.info("{} for account {} is already running (run {}); {} trigger ignored", name, account,
					result.holder(), trigger.value());
			return new Launch.AlreadyRunning(result.holder());
		}
		Claim claim = result.claim();
		Optional<String> skip = whyNotNow(claim);
		if (skip.isPresent()) {
			this.runner.skip(claim, skip.get());
		}
		else if (inBackground) {
			submit(claim);
		}
		else {
			this.runner.run(claim);
		}
		return inBackground ? new Launch.Started(claim.runId()) : new Launch.Finished(finished(claim.runId()));
	}

	private Optional<String> whyNotNow(Claim claim) {
		try {
			Optional<String> account = this.accounts.whyNotRunnable(claim.account());
			return account.isPresent() ? account : this.budget.whyNotAllowed(claim.job(), claim.account());
		}
		catch (RuntimeException ex) {
			log.error("Could not check whether run {} may run", claim.runId(), ex);
			this.runner.fail(claim,
					"Could not check whether the job may run: " + JobRunner.publicReason(ex, Instant.now()));
			throw ex;
		}
	}

	private void submit(Claim claim) {
		try {
			this.threads.runs().execute(() -> this.runner.run(claim));
		}
		catch (RejectedExecutionException ex) {
			this.runner.fail(claim, "Too many runs are waiting; try again later");
		}
	}

	private JobRun finished(long runId) {
		return this.runs.find(runId).orElseThrow();
	}

}
