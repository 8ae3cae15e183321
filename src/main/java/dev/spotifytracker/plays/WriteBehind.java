package dev.spotifytracker.plays;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an import's batch writes one at a time on a thread of their own, so the reader
 * parses the next batch while the database commits the one before (parsing was a
 * twentieth of a 250,000-row import, spent while the database waited). At most one write
 * runs: {@link #submit} first waits for the one before, so batches commit in order and a
 * failure stops the import at the next batch, as before.
 *
 * @param <T> what a write gives
 */
final class WriteBehind<T> implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(WriteBehind.class);

	private final ExecutorService thread;

	private Future<T> running;

	WriteBehind(String threadName) {
		this.thread = Executors.newSingleThreadExecutor((task) -> {
			Thread writer = new Thread(task, threadName);
			writer.setDaemon(true);
			return writer;
		});
	}

	/**
	 * Waits for the write before, then starts this one.
	 * @return what the write before gave, null if there was none
	 * @throws RuntimeException what the write before threw
	 */
	T submit(Callable<T> write) {
		T before = await();
		this.running = this.thread.submit(write);
		return before;
	}

	/**
	 * Waits for the running write.
	 * @return what it gave, null if none was running
	 * @throws RuntimeException what it threw
	 */
	T await() {
		if (this.running == null) {
			return null;
		}
		Future<T> write = this.running;
		this.running = null;
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return write.get();
				}
				catch (InterruptedException ex) {
					// the write commits or rolls back within moments: waiting for it
					// keeps "what was committed" a whole number of batches when the
					// caller goes on to record how the import ended
					interrupted = true;
				}
			}
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException("A batch write failed", ex.getCause());
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Waits for a running write (what it gave or threw is dropped: the caller is already
	 * ending the import) and stops the thread.
	 */
	@Override
	public void close() {
		try {
			await();
		}
		catch (RuntimeException | Error ex) {
			// the import ends on the failure that made it close early
			log.warn("A batch write failed while the import was ending", ex);
		}
		finally {
			this.thread.shutdown();
		}
	}

}
