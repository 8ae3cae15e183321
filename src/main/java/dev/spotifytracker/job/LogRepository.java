package dev.spotifytracker.job;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code logs} table: run log lines written in batches, read newest first.
 */
@Repository
class LogRepository {

	/**
	 * The most lines {@link #ofRun} returns: a run's page shows its story, not a dump.
	 */
	static final int MAX_RUN_LINES = 1000;

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	LogRepository(JdbcTemplate jdbcTemplate, JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * One JDBC batch for all the lines, committed at once beside the job's own
	 * transaction: the lines show while the job works, survive its rollback, and a failed
	 * write cannot spoil the job's transaction.
	 */
	void insert(long runId, AccountId account, List<PendingLine> lines) {
		this.ownTransaction.executeWithoutResult((status) -> this.jdbcTemplate.batchUpdate(
				"insert into logs (run_id, account_id, at, level, message) values (?, ?, ?, ?, ?)", lines, lines.size(),
				(PreparedStatement statement, PendingLine line) -> {
					statement.setLong(1, runId);
					if (account != null) {
						statement.setLong(2, account.value());
					}
					else {
						statement.setNull(2, Types.BIGINT);
					}
					statement.setObject(3, RunRepository.timestamp(line.at()));
					statement.setString(4, line.level().name());
					statement.setString(5, line.message());
				}));
	}

	/**
	 * @return the lines removed
	 */
	int deleteBefore(Instant before) {
		return this.jdbc.sql("delete from logs where at < :before")
			.param("before", RunRepository.timestamp(before))
			.update();
	}

	/**
	 * The run's lines in the order they were written (served by {@code logs_run}).
	 */
	List<LogLine> ofRun(long runId) {
		return this.jdbc.sql("""
				select id, run_id, account_id, at, level, message from logs
				where run_id = :run order by id limit :limit
				""").param("run", runId).param("limit", MAX_RUN_LINES).query(LogRepository::map).list();
	}

	/**
	 * Newest first, continuing after {@code before} when given. The keyset condition on
	 * {@code (at, id)} lets {@code logs_recent} serve every page alike, however deep, and
	 * the time range narrows the same index scan; the job filter joins the run row by its
	 * key.
	 */
	LogPage find(LogQuery query, LogCursor before, int size) {
		if ((query.accounts() != null && query.accounts().isEmpty())
				|| (query.levels() != null && query.levels().isEmpty())) {
			return new LogPage(List.of(), null);
		}
		StringBuilder sql = new StringBuilder(
				"select l.id, l.run_id, l.account_id, l.at, l.level, l.message from logs l");
		Map<String, Object> params = new LinkedHashMap<>();
		if (query.job() != null) {
			sql.append(" join job_runs r on r.id = l.run_id and r.job = :job");
			params.put("job", query.job());
		}
		sql.append(" where true");
		if (query.accounts() != null) {
			List<Long> ids = new ArrayList<>();
			query.accounts().forEach((account) -> ids.add(account.value()));
			sql.append(" and l.account_id in (:accounts)");
			params.put("accounts", ids);
		}
		if (query.levels() != null) {
			// stored as the level's name, upper case, exactly as the check constraint
			// says
			sql.append(" and l.level in (:levels)");
			params.put("levels", query.levels().stream().map(LogLevel::name).toList());
		}
		if (query.text() != null && !query.text().isBlank()) {
			sql.append(" and l.message ilike :text escape '\\'");
			params.put("text", "%" + likeEscaped(query.text().strip()) + "%");
		}
		if (query.from() != null) {
			sql.append(" and l.at >= :from");
			params.put("from", RunRepository.timestamp(query.from()));
		}
		if (query.to() != null) {
			sql.append(" and l.at < :to");
			params.put("to", RunRepository.timestamp(query.to()));
		}
		if (before != null) {
			sql.append(" and (l.at, l.id) < (:beforeAt, :beforeId)");
			params.put("beforeAt", RunRepository.timestamp(before.at()));
			params.put("beforeId", before.id());
		}
		sql.append(" order by l.at desc, l.id desc limit :limit");
		params.put("limit", size + 1);
		List<LogLine> lines = this.jdbc.sql(sql.toString()).params(params).query(LogRepository::map).list();
		if (lines.size() > size) {
			List<LogLine> page = lines.subList(0, size);
			return new LogPage(page, page.get(size - 1).cursor());
		}
		return new LogPage(lines, null);
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static LogLine map(ResultSet rs, int row) throws SQLException {
		Long account = rs.getObject("account_id", Long.class);
		Instant at = RunRepository.instant(rs, "at");
		return new LogLine(rs.getLong("id"), rs.getLong("run_id"), (account != null) ? new AccountId(account) : null,
				at, LogLevel.valueOf(rs.getString("level")), rs.getString("message"));
	}

	/**
	 * A line waiting in a run's buffer.
	 */
	record PendingLine(Instant at, LogLevel level, String message) {

	}

}
