package dev.spotifytracker.job;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.spotifytracker.app.AccountId;

import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;

/**
 * Reads runs and their logs for the dashboard and the job API. It does not check who may
 * see what: callers pass the accounts the viewer may access.
 */
@Service
public class JobRuns {

	static final int MAX_PAGE_SIZE = 500;

	private final RunRepository runs;

	private final LogRepository logs;

	private final JobProperties properties;

	private final JobRegistry registry;

	private final Clock clock;

	JobRuns(RunRepository runs, LogRepository logs, JobProperties properties, JobRegistry registry, Clock clock) {
		this.runs = runs;
		this.logs = logs;
		this.properties = properties;
		this.registry = registry;
		this.clock = clock;
	}

	public Optional<JobRun> run(long runId) {
		return this.runs.find(runId);
	}

	/**
	 * The run's log lines in the order they were written (at most the first 1,000).
	 */
	public List<LogLine> runLogs(long runId) {
		return this.logs.ofRun(runId);
	}

	/**
	 * Runs newest first.
	 * @param page from 0
	 */
	public RunPage recent(RunQuery query, int page, int size) {
		return this.runs.recent(query, Math.max(page, 0), pageSize(size));
	}

	/**
	 * The newest run of each job of each of these accounts.
	 */
	public List<JobRun> lastRuns(Collection<AccountId> accounts) {
		return this.runs.lastOfEachJob(accounts);
	}

	/**
	 * Log lines newest first.
	 * @param before where the page starts ({@link LogPage#next()} of the previous page),
	 * or null for the newest lines
	 */
	public LogPage logs(LogQuery query, LogCursor before, int size) {
		return this.logs.find(query, before, pageSize(size));
	}

	/**
	 * When the schedules next run the job (or a job that also does its work), or empty
	 * when no schedule runs it (or the schedules are off).
	 */
	public Optional<Instant> nextScheduledRun(String job) {
		if (!this.properties.schedulesEnabled()) {
			return Optional.empty();
		}
		Set<JobSchedule.Group> groups = EnumSet.noneOf(JobSchedule.Group.class);
		if (CycleJob.NAME.equals(job)) {
			groups.add(JobSchedule.Group.CYCLE);
		}
		this.registry.all()
			.stream()
			.filter((each) -> each.name().equals(job) || each.alsoDoes().contains(job))
			.forEach((each) -> groups.add(each.schedule().group()));
		return nextRunOf(groups);
	}

	/**
	 * When the daily schedule next runs, or empty when the schedules are off.
	 */
	Optional<Instant> nextDailyRun() {
		return this.properties.schedulesEnabled() ? nextRunOf(EnumSet.of(JobSchedule.Group.DAILY)) : Optional.empty();
	}

	private Optional<Instant> nextRunOf(Set<JobSchedule.Group> groups) {
		ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(ZoneId.of(this.properties.zone())));
		return groups.stream()
			.map(this::cron)
			.flatMap(Optional::stream)
			.map((cron) -> CronExpression.parse(cron).next(now))
			.filter((next) -> next != null)
			.map(ZonedDateTime::toInstant)
			.min(Instant::compareTo);
	}

	private Optional<String> cron(JobSchedule.Group group) {
		return switch (group) {
			case CYCLE -> Optional.of(this.properties.cycleCron());
			case DAILY -> Optional.of(this.properties.reconcileCron());
			case ON_DEMAND -> Optional.empty();
		};
	}

	private static int pageSize(int size) {
		return Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
	}

}
