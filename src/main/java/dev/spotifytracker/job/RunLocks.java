package dev.spotifytracker.job;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.spotifytracker.app.AccountId;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
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
 *
 * <p>
 * The extensions run on a thread of their own, never behind the progress writes, and a
 * failed one is tried again while the lease lasts ({@link KeptLock}). Each taking of a
 * lock writes its own {@code locked_by} (instance and sequence number): ShedLock extends
 * and releases only where {@code locked_by} matches, so a holder whose lease lapsed can
 * neither extend nor release the lock of the run that took it over, not even a run of the
 * same instance or of another instance on the same host.
 */
@Component
class RunLocks implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RunLocks.class);

	static final Duration LEASE = Duration.ofMinutes(10);

	/** How soon an extension the database refused to answer is tried again. */
	static final Duration RETRY_EVERY = Duration.ofSeconds(15);

	private static final Duration KEEPER_PERIOD = Duration.ofSeconds(5);

	private final JdbcTemplate jdbc;

	private final String instance;

	private final AtomicLong takings = new AtomicLong();

	private final Map<KeptLock, Boolean> kept = new ConcurrentHashMap<>();

	private final ScheduledThreadPoolExecutor keeper;

	RunLocks(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.instance = instanceName();
		CustomizableThreadFactory keeperThread = new CustomizableThreadFactory("job-lock-keeper-");
		keeperThread.setDaemon(true);
		this.keeper = new ScheduledThreadPoolExecutor(1, keeperThread);
		this.keeper.scheduleWithFixedDelay(this::keepAlive, KEEPER_PERIOD.toMillis(), KEEPER_PERIOD.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/**
	 * The lock of a lock group for one account: jobs of one group never run at the same
	 * time for one account.
	 */
	static String runLockName(String lockGroup, AccountId account) {
		return runLockPrefix(lockGroup) + account.value();
	}

	/**
	 * The name of a lock group's lock without the account's id.
	 */
	static String runLockPrefix(String lockGroup) {
		return "job:" + lockGroup + ":";
	}

	/**
	 * @param lockAtLeastFor how long the lock stays taken even when released sooner (a
	 * schedule that fired on two instances a few seconds apart runs once)
	 * @return the lock, kept alive until released, or empty when another holder has it
	 */
	Optional<KeptLock> tryLock(String name, Duration lockAtLeastFor) {
		String lockedBy = this.instance + "#" + this.takings.incrementAndGet();
		// a provider per taking: its locked_by is this taking's own; it inserts or takes
		// over the row in one statement, so a row deleted since (the tests empty every
		// table) is simply written again
		JdbcTemplateLockProvider provider = new JdbcTemplateLockProvider(
				JdbcTemplateLockProvider.Configuration.builder()
					.withJdbcTemplate(this.jdbc)
					.withTableName("shedlock")
					.withLockedByValue(lockedBy)
					.usingDbTime()
					.build());
		long taken = System.nanoTime();
		Optional<SimpleLock> lock = provider
			.lock(new LockConfiguration(ClockProvider.now(), name, LEASE, lockAtLeastFor));
		if (lock.isEmpty()) {
			return Optional.empty();
		}
		KeptLock keptLock = new KeptLock(name, lock.get(), LEASE, taken, System::nanoTime,
				(lockName) -> stillOurs(lockName, lockedBy));
		this.kept.put(keptLock, Boolean.TRUE);
		return Optional.of(keptLock);
	}

	private boolean stillOurs(String name, String lockedBy) {
		Integer rows = this.jdbc.queryForObject("""
				select count(*) from shedlock
				where name = ? and locked_by = ? and lock_until > timezone('utc', current_timestamp)
				""", Integer.class, name, lockedBy);
		return rows != null && rows > 0;
	}

	private void keepAlive() {
		for (KeptLock lock : this.kept.keySet()) {
			try {
				if (!lock.keepAlive(RETRY_EVERY)) {
					this.kept.remove(lock);
				}
			}
			catch (RuntimeException ex) {
				// the keeper must go on for the other locks
				log.warn("Could not keep lock {} alive", lock.name(), ex);
			}
		}
	}

	@Override
	public void destroy() {
		this.keeper.shutdownNow();
	}

	private static String instanceName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown-host";
		}
		String name = host + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/"
				+ UUID.randomUUID().toString().substring(0, 8);
		// locked_by holds 255 characters; the taking's number follows
		return (name.length() > 230) ? name.substring(name.length() - 230) : name;
	}

}
