package dev.spotifytracker.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Job {@code all}, the cycle of one account: {@code library} (incremental), then
 * {@code plays}, then {@code playlists} only when one of them changed something. Each
 * step is a run of its own; this run's details list them ({@code steps}), its items and
 * calls are their sums, and it fails when a step failed. A step whose job is not in this
 * service is left out; a step already running is noted and not waited for.
 */
@Component
class CycleJob implements Job {

	static final String NAME = "all";

	static final String LIBRARY = "library";

	static final String PLAYS = "plays";

	static final String PLAYLISTS = "playlists";

	private final ObjectProvider<JobLauncher> launcher;

	private final JobRegistry registry;

	CycleJob(ObjectProvider<JobLauncher> launcher, JobRegistry registry) {
		this.launcher = launcher;
		this.registry = registry;
	}

	@Override
	public String name() {
		return NAME;
	}

	/**
	 * The cycle itself always runs; each step decides against the budget (so
	 * {@code plays} runs when the others may not).
	 */
	@Override
	public boolean essential() {
		return true;
	}

	@Override
	public JobResult run(JobContext context) {
		Steps steps = new Steps();
		for (String job : List.of(LIBRARY, PLAYS)) {
			if (this.registry.contains(job)) {
				steps.add(job, this.launcher.getObject().runNow(job, context.account(), context.trigger()));
			}
		}
		if (this.registry.contains(PLAYLISTS)) {
			if (steps.changed > 0) {
				steps.add(PLAYLISTS, this.launcher.getObject().runNow(PLAYLISTS, context.account(), context.trigger()));
			}
			else {
				steps.note(PLAYLISTS, "not needed: nothing changed");
			}
		}
		context.detail("steps", steps.rows);
		if (context instanceof RunContext run) {
			run.countCalls(steps.calls);
		}
		if (!steps.failures.isEmpty()) {
			throw new CycleStepFailedException(String.join("; ", steps.failures));
		}
		return new JobResult(steps.changed, String.join(", ", steps.summary));
	}

	private static final class Steps {

		private final List<Map<String, Object>> rows = new ArrayList<>();

		private final List<String> summary = new ArrayList<>();

		private final List<String> failures = new ArrayList<>();

		private int changed;

		private int calls;

		void add(String job, Launch launch) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("job", job);
			if (launch instanceof Launch.Finished finished) {
				JobRun run = finished.run();
				row.put("runId", run.id());
				row.put("status", run.status().value());
				row.put("items", run.items());
				this.calls += run.apiCalls();
				if (run.status() == RunStatus.SUCCEEDED) {
					this.changed += run.items();
					this.summary.add(job + ": " + run.items() + " changed");
				}
				else {
					this.summary.add(job + ": " + run.status().value());
				}
				if (run.status() == RunStatus.FAILED) {
					this.failures.add(job + " failed: " + run.message());
				}
			}
			else if (launch instanceof Launch.AlreadyRunning running) {
				row.put("runId", running.runId());
				row.put("status", "already running");
				this.summary.add(job + ": already running");
			}
			this.rows.add(row);
		}

		void note(String job, String why) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("job", job);
			row.put("status", why);
			this.rows.add(row);
			this.summary.add(job + ": " + why);
		}

	}

	/**
	 * A step of the cycle failed; its own run holds the details.
	 */
	static class CycleStepFailedException extends RuntimeException {

		CycleStepFailedException(String message) {
			super(message);
		}

	}

}
