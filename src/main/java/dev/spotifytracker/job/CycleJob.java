package dev.spotifytracker.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Job {@code all}, the cycle of one account: the jobs of the cycle group
 * ({@link JobSchedule#cycle}) in their order, each as a run of its own, except a job that
 * says it has nothing to do ({@link Job#notNeeded}; the playlists when neither the
 * library nor the plays changed). This run's details list the steps ({@code steps}), its
 * items and calls are their sums, and it fails when a step failed. A step already running
 * is noted and not waited for. The cycle knows no job by name: features put their jobs in
 * it.
 */
@Component
class CycleJob implements Job {

	static final String NAME = "all";

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

	@Override
	public String description() {
		List<String> steps = this.registry.inGroup(JobSchedule.Group.CYCLE).stream().map(Job::name).toList();
		return "The cycle: " + String.join(", then ", steps) + ", each only when it has something to do.";
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
		for (Job step : this.registry.inGroup(JobSchedule.Group.CYCLE)) {
			Optional<String> notNeeded = step.notNeeded(context.account());
			if (notNeeded.isPresent()) {
				steps.note(step.name(), notNeeded.get());
			}
			else {
				steps.add(step.name(),
						this.launcher.getObject().runNow(step.name(), context.account(), context.trigger()));
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
