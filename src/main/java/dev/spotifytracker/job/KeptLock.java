package dev.spotifytracker.job;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ShedLock lock kept alive while its holder works: extended every half lease, and after
 * a failed extension (the database did not answer) tried again every {@link #retryEvery}
 * until the lease would have lapsed. Lost for good when an extension finds the lock no
 * longer ours (it lapsed and someone else may have taken it) or when the lease ran out
 * before an extension went through: the holder then must stop before its next Spotify
 * write ({@link #ensureHeld}).
 */
final class KeptLock implements SimpleLock {

	private static final Logger log = LoggerFactory.getLogger(KeptLock.class);

	private final String name;

	private final Duration lease;

	private final LongSupplier nanoTime;

	private final Ownership ownership;

	private SimpleLock lock;

	private long leaseEndNanos;

	private long nextExtensionNanos;

	private boolean released;

	private volatile String lostBecause;

	/**
	 * @param taken when {@code lock} was taken (in {@code nanoTime}'s terms), its lease
	 * starting no earlier
	 * @param ownership asks the database whether the lock is still ours
	 */
	KeptLock(String name, SimpleLock lock, Duration lease, long taken, LongSupplier nanoTime, Ownership ownership) {
		this.name = name;
		this.lock = lock;
		this.lease = lease;
		this.nanoTime = nanoTime;
		this.ownership = ownership;
		this.leaseEndNanos = taken + lease.toNanos();
		this.nextExtensionNanos = taken + lease.toNanos() / 2;
	}

	String name() {
		return this.name;
	}

	/**
	 * Whether the lock is still ours as far as this instance knows, without asking the
	 * database.
	 */
	boolean held() {
		if (this.lostBecause != null) {
			return false;
		}
		synchronized (this) {
			if (!this.released && this.nanoTime.getAsLong() - this.leaseEndNanos >= 0) {
				lose("its lease ran out before it could be extended");
			}
		}
		return this.lostBecause == null;
	}

	/**
	 * @throws RunLockLostException when this instance knows the lock is lost (no database
	 * call: before a read)
	 */
	void ensureHeldLocally() {
		if (!held()) {
			throw new RunLockLostException(this.name, this.lostBecause);
		}
	}

	/**
	 * Asks the database whether the lock is still ours, before a write that two holders
	 * must never both send.
	 * @throws RunLockLostException when it is not
	 */
	void ensureHeld() {
		if (held() && !this.ownership.stillOurs(this.name)) {
			lose("its lease lapsed and another run may hold it");
		}
		if (this.lostBecause != null) {
			throw new RunLockLostException(this.name, this.lostBecause);
		}
	}

	/**
	 * Called by the keeper's thread: extends the lease when due.
	 * @return whether the keeper should call again
	 */
	synchronized boolean keepAlive(Duration retryEvery) {
		if (this.released || !held()) {
			return false;
		}
		long now = this.nanoTime.getAsLong();
		if (now - this.nextExtensionNanos < 0) {
			return true;
		}
		try {
			Optional<SimpleLock> extended = this.lock.extend(this.lease, Duration.ZERO);
			if (extended.isEmpty()) {
				lose("its lease lapsed and another run may hold it");
				return false;
			}
			this.lock = extended.get();
			this.leaseEndNanos = now + this.lease.toNanos();
			this.nextExtensionNanos = now + this.lease.toNanos() / 2;
			return true;
		}
		catch (RuntimeException ex) {
			// a database that does not answer for a moment: the lease still runs, try
			// again
			this.nextExtensionNanos = now + retryEvery.toNanos();
			log.warn("Could not extend lock {}; trying again in {} s while its lease lasts: {}", this.name,
					retryEvery.toSeconds(), ex.getMessage());
			return true;
		}
	}

	@Override
	public synchronized void unlock() {
		if (this.released) {
			return;
		}
		this.released = true;
		if (this.lostBecause == null) {
			this.lock.unlock();
		}
	}

	private void lose(String reason) {
		if (this.lostBecause == null) {
			this.lostBecause = reason;
			log.warn("Lost lock {}: {}", this.name, reason);
		}
	}

	/**
	 * Whether the lock row still names this holder and its lease has not lapsed.
	 */
	@FunctionalInterface
	interface Ownership {

		boolean stillOurs(String name);

	}

}
