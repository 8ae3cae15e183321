package dev.spotifytracker.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.spotifytracker.app.AccountId;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code job_runs} table.
 */
@Repository
class RunRepository {

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			id, job, account_id, trigger, status, started_at, finished_at, api_calls, items,
			progress_done, progress_total, message, details
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	RunRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	long insertRunning(String job, AccountId account, Trigger trigger, Instant startedAt) {
		return this.jdbc.sql("""
				insert into job_runs (job, account_id, trigger, status, started_at)
				values (:job, :account, :trigger, 'running', :startedAt)
				returning id
				""")
			.param("job", job)
			.param("account", account.value())
			.param("trigger", trigger.value())
			.param("startedAt", timestamp(startedAt))
			.query(Long.class)
			.single();
	}

	void updateProgress(long runId, int apiCalls, int progressDone, Integer progressTotal) {
		this.jdbc.sql("""
				update job_runs set api_calls = :calls, progress_done = :done, progress_total = :total
				where id = :id and status = 'running'
				""")
			.param("calls", apiCalls)
			.param("done", progressDone)
			.param("total", progressTotal)
			.param("id", runId)
			.update();
	}

	void finish(long runId, Ending ending) {
		this.jdbc.sql("""
				update job_runs set status = :status, finished_at = :finishedAt, api_calls = :calls, items = :items,
				  progress_done = :done, progress_total = :total, message = :message, details = cast(:details as jsonb)
				where id = :id
				""")
			.param("status", ending.status().value())
			.param("finishedAt", timestamp(ending.finishedAt()))
			.param("calls", ending.apiCalls())
			.param("items", ending.items())
			.param("done", ending.progressDone())
			.param("total", ending.progressTotal())
			.param("message", ending.message())
			.param("details", detailsJson(ending.details()))
			.param("id", runId)
			.update();
	}

	/**
	 * The run of one of these jobs that is going on for the account, if any.
	 */
	Optional<Long> running(AccountId account, Collection<String> jobs) {
		return this.jdbc.sql("""
				select id from job_runs
				where account_id = :account and job in (:jobs) and status = 'running'
				order by started_at desc, id desc limit 1
				""").param("account", account.value()).param("jobs", jobs).query(Long.class).optional();
	}

	/**
	 * Ends the runs an instance left behind when it stopped in the middle of them. Called
	 * by whoever holds the group's lock, so none of these runs can still be going.
	 * @return how many runs were ended
	 */
	int failAbandoned(AccountId account, Collection<String> jobs, Instant now) {
		return this.jdbc.sql("""
				update job_runs set status = 'failed', finished_at = :now,
				  message = 'Interrupted: the service stopped while this run was going'
				where account_id = :account and job in (:jobs) and status = 'running'
				""").param("now", timestamp(now)).param("account", account.value()).param("jobs", jobs).update();
	}

	/**
	 * Ends the runs of these jobs whose lock (named by {@link JobLock#lockPrefix} and the
	 * account) is not held: its row is gone or its lease lapsed (ShedLock writes UTC
	 * wall-clock time).
	 * @return how many runs were ended
	 */
	int failUnlocked(Collection<JobLock> jobs) {
		if (jobs.isEmpty()) {
			return 0;
		}
		List<String> names = jobs.stream().map(JobLock::job).toList();
		List<String> prefixes = jobs.stream().map(JobLock::lockPrefix).toList();
		return this.jdbc.sql("""
				update job_runs r set status = 'failed', finished_at = now(),
				  message = 'Interrupted: the service stopped while this run was going'
				from unnest(:jobs::text[], :prefixes::text[]) as j(job, lock_prefix)
				where r.status = 'running' and r.job = j.job
				  and not exists (
				    select 1 from shedlock s
				    where s.name = j.lock_prefix || r.account_id
				      and s.lock_until > timezone('utc', current_timestamp))
				""")
			.param("jobs", names.toArray(String[]::new))
			.param("prefixes", prefixes.toArray(String[]::new))
			.update();
	}

	/**
	 * Forgets the ended runs that started before {@code before}, with their log lines
	 * (cascade); a run still going stays.
	 * @return the runs removed
	 */
	int deleteEndedBefore(Instant before) {
		return this.jdbc.sql("delete from job_runs where started_at < :before and status <> 'running'")
			.param("before", timestamp(before))
			.update();
	}

	Optional<JobRun> find(long runId) {
		return this.jdbc.sql("select " + COLUMNS + " from job_runs where id = :id")
			.param("id", runId)
			.query(this::map)
			.optional();
	}

	/**
	 * Newest first; reads one row more than the page to tell whether another page
	 * follows. Served by {@code job_runs_recent} or, filtered by account and job, by
	 * {@code job_runs_account_job}.
	 */
	RunPage recent(RunQuery query, int page, int size) {
		if (query.accounts() != null && query.accounts().isEmpty()) {
			return new RunPage(List.of(), page, size, false);
		}
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from job_runs where true");
		Map<String, Object> params = new LinkedHashMap<>();
		if (query.accounts() != null) {
			sql.append(" and account_id in (:accounts)");
			params.put("accounts", ids(query.accounts()));
		}
		if (query.job() != null) {
			sql.append(" and job = :job");
			params.put("job", query.job());
		}
		if (query.status() != null) {
			sql.append(" and status = :status");
			params.put("status", query.status().value());
		}
		sql.append(" order by started_at desc, id desc limit :limit offset :offset");
		params.put("limit", size + 1);
		params.put("offset", (long) page * size);
		List<JobRun> rows = this.jdbc.sql(sql.toString()).params(params).query(this::map).list();
		boolean hasMore = rows.size() > size;
		return new RunPage(hasMore ? rows.subList(0, size) : rows, page, size, hasMore);
	}

	/**
	 * The newest run of each job of each of these accounts ({@code job_runs_account_job}
	 * serves the distinct-on).
	 */
	List<JobRun> lastOfEachJob(Collection<AccountId> accounts) {
		if (accounts.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select distinct on (account_id, job) " + COLUMNS + """
				from job_runs where account_id in (:accounts)
				order by account_id, job, started_at desc, id desc
				""").param("accounts", ids(accounts)).query(this::map).list();
	}

	private static List<Long> ids(Collection<AccountId> accounts) {
		List<Long> ids = new ArrayList<>(accounts.size());
		accounts.forEach((account) -> ids.add(account.value()));
		return ids;
	}

	private String detailsJson(Map<String, Object> details) {
		if (details == null || details.isEmpty()) {
			return null;
		}
		try {
			return this.json.writeValueAsString(details);
		}
		catch (JacksonException ex) {
			// a detail that does not serialise must not lose the run's ending
			return this.json.writeValueAsString(Map.of("unreadableDetails", String.valueOf(details)));
		}
	}

	private JobRun map(ResultSet rs, int row) throws SQLException {
		Long account = rs.getObject("account_id", Long.class);
		Integer total = rs.getObject("progress_total", Integer.class);
		String details = rs.getString("details");
		return new JobRun(rs.getLong("id"), rs.getString("job"), (account != null) ? new AccountId(account) : null,
				Trigger.valueOf(rs.getString("trigger").toUpperCase(java.util.Locale.ROOT)),
				RunStatus.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)), instant(rs, "started_at"),
				instant(rs, "finished_at"), rs.getInt("api_calls"), rs.getInt("items"), rs.getInt("progress_done"),
				total, rs.getString("message"), (details != null) ? this.json.readValue(details, DETAILS) : Map.of());
	}

	static OffsetDateTime timestamp(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * A job and the start of its lock's name (the account's id follows).
	 */
	record JobLock(String job, String lockPrefix) {

	}

	/**
	 * How a run ended.
	 */
	record Ending(RunStatus status, Instant finishedAt, int apiCalls, int items, int progressDone,
			Integer progressTotal, String message, Map<String, Object> details) {

	}

}
