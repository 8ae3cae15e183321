package dev.spotifytracker.job;

import java.time.Duration;
import java.util.Optional;

import dev.spotifytracker.app.AccountId;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Locks shared by every instance of the service, in table {@code shedlock} (ShedLock's
 * JDBC provider on the database clock, so instances' clocks need not agree).
 *
 * <p>
 * ShedLock rather than PostgreSQL advisory locks: an advisory lock belongs to a database
 * session, so each run would hold one of the pool's eight connections for its whole
 * length (hours for a first sync), and a proxy dropping that idle connection would free
 * the lock under a running job. A ShedLock row holds no connection. Its weak point, a
 * lock left behind by a crashed instance, is kept short: a lock is taken for
 * {@link #LEASE} and extended every half lease while its holder lives, so a crash blocks
 * the account's jobs for at most ten minutes.
 */
@Component
class RunLocks {

	static final Duration LEASE = Duration.ofMinutes(10);

	private final JdbcTemplateLockProvider database;

	private final LockProvider keptAlive;

	private final JdbcTemplate jdbc;

	RunLocks(JdbcTemplate jdbc, JobThreads threads) {
		this.jdbc = jdbc;
		this.database = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(jdbc)
			.withTableName("shedlock")
			.usingDbTime()
			.build());
		this.keptAlive = new KeepAliveLockProvider(this.database, threads.timer());
	}

	/**
	 * The lock of a lock group for one account: jobs of one group never run at the same
	 * time for one account.
	 */
	static String runLockName(String lockGroup, AccountId account) {
		return "job:" + lockGroup + ":" + account.value();
	}

	/**
	 * @param lockAtLeastFor how long the lock stays taken even when released sooner (a
	 * schedule that fired on two instances a few seconds apart runs once)
	 * @return the lock, or empty when another holder has it
	 */
	Optional<SimpleLock> tryLock(String name, Duration lockAtLeastFor) {
		Optional<SimpleLock> lock = this.keptAlive.lock(configuration(name, lockAtLeastFor));
		if (lock.isEmpty() && !recordExists(name)) {
			// ShedLock remembers which lock rows it created and then only updates them;
			// when
			// the row was deleted since (the tests empty every table), it must insert
			// again
			this.database.clearCache();
			lock = this.keptAlive.lock(configuration(name, lockAtLeastFor));
		}
		return lock;
	}

	private static LockConfiguration configuration(String name, Duration lockAtLeastFor) {
		return new LockConfiguration(ClockProvider.now(), name, LEASE, lockAtLeastFor);
	}

	private boolean recordExists(String name) {
		Integer rows = this.jdbc.queryForObject("select count(*) from shedlock where name = ?", Integer.class, name);
		return rows != null && rows > 0;
	}

}
