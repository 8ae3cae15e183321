package dev.spotifytracker.job;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import dev.spotifytracker.app.AccountId;

import org.springframework.stereotype.Component;

/**
 * Work a person starts outside a run (push a smart playlist now, link or recreate one)
 * under the lock of a job group for an account, so it never overlaps a run of that group:
 * both would work out a change from the same stored state and send it to Spotify twice. A
 * run started meanwhile answers "already running".
 */
@Component
public class JobGroupLocks {

	private final RunLocks locks;

	JobGroupLocks(RunLocks locks) {
		this.locks = locks;
	}

	/**
	 * @param lockGroup the group, e.g. {@code playlists}
	 * @return what {@code work} answered, or empty (and nothing done) when a run of the
	 * group holds the lock
	 */
	public <T> Optional<T> tryWhileHolding(String lockGroup, AccountId account, Supplier<T> work) {
		Optional<KeptLock> lock = this.locks.tryLock(RunLocks.runLockName(lockGroup, account), Duration.ZERO);
		if (lock.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(work.get());
		}
		finally {
			lock.get().unlock();
		}
	}

}
