package dev.spotifytracker.job;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeptLockTest {

	private static final Duration LEASE = Duration.ofMinutes(10);

	private static final Duration RETRY = Duration.ofSeconds(15);

	private final AtomicLong now = new AtomicLong();

	@Test
	void aFailedExtensionIsTriedAgainWhileTheLeaseLasts() {
		// given a lock whose first extension finds the database away
		ScriptedLock database = new ScriptedLock();
		database.answers.add(() -> {
			throw new DataAccessResourceFailureException("connection refused");
		});
		database.answers.add(() -> Optional.of(database));
		KeptLock lock = new KeptLock("job:test:1", database, LEASE, this.now.get(), this.now::get, (name) -> true);

		// when the keeper calls at half lease, and again after the retry delay
		this.now.addAndGet(LEASE.toNanos() / 2);
		boolean keepCalling = lock.keepAlive(RETRY);
		this.now.addAndGet(RETRY.toNanos());
		lock.keepAlive(RETRY);

		// then the lock was extended at the second try and is still held past its first
		// lease
		assertThat(keepCalling).isTrue();
		assertThat(database.extensions).isEqualTo(2);
		this.now.addAndGet(LEASE.toNanos() / 2);
		assertThat(lock.held()).isTrue();
	}

	@Test
	void aLeaseThatRanOutWithoutAnExtensionLosesTheLock() {
		// given a lock whose every extension fails
		ScriptedLock database = new ScriptedLock();
		KeptLock lock = new KeptLock("job:test:1", database, LEASE, this.now.get(), this.now::get, (name) -> true);
		for (int i = 0; i < 30; i++) {
			database.answers.add(() -> {
				throw new DataAccessResourceFailureException("connection refused");
			});
		}

		// when the lease runs out meanwhile
		while (this.now.get() < LEASE.toNanos()) {
			lock.keepAlive(RETRY);
			this.now.addAndGet(RETRY.toNanos());
		}

		// then the lock is lost, and a write stops
		assertThat(lock.held()).isFalse();
		assertThat(lock.keepAlive(RETRY)).isFalse();
		assertThatThrownBy(lock::ensureHeld).isInstanceOf(RunLockLostException.class)
			.hasMessageStartingWith("Stopped: lost its lock");
	}

	@Test
	void anExtensionThatFindsTheLockTakenLosesIt() {
		// given a lock whose row another holder took
		ScriptedLock database = new ScriptedLock();
		database.answers.add(Optional::empty);
		KeptLock lock = new KeptLock("job:test:1", database, LEASE, this.now.get(), this.now::get, (name) -> false);

		// when the keeper extends it
		this.now.addAndGet(LEASE.toNanos() / 2);
		boolean keepCalling = lock.keepAlive(RETRY);

		// then it is lost and no longer kept
		assertThat(keepCalling).isFalse();
		assertThat(lock.held()).isFalse();
	}

	@Test
	void aWriteAsksTheDatabaseWhetherTheLockIsStillOurs() {
		// given a lock that is fine by this instance's reckoning but no longer in the
		// table
		KeptLock lock = new KeptLock("job:test:1", new ScriptedLock(), LEASE, this.now.get(), this.now::get,
				(name) -> false);

		// when a write is about to go, then it stops
		assertThatThrownBy(lock::ensureHeld).isInstanceOf(RunLockLostException.class);
		assertThat(lock.held()).isFalse();
	}

	private static final class ScriptedLock implements SimpleLock {

		private final Deque<Supplier<Optional<SimpleLock>>> answers = new ArrayDeque<>();

		private int extensions;

		@Override
		public void unlock() {
		}

		@Override
		public Optional<SimpleLock> extend(Duration lockAtMostFor, Duration lockAtLeastFor) {
			this.extensions++;
			return this.answers.isEmpty() ? Optional.of(this) : this.answers.poll().get();
		}

	}

}
