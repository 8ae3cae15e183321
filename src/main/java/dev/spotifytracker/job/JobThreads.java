package dev.spotifytracker.job;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * The job module's own threads: two for runs started in the background (a 512 MB instance
 * runs at most two jobs besides the schedules) and one timer that flushes log lines and
 * progress (run locks are kept alive on a thread of their own, see {@link RunLocks}).
 * They are not beans of an executor type, so Spring Boot's own task executor and
 * scheduler stay as they are.
 *
 * <p>
 * Stopped in the lifecycle's stop phase, before the connection pool closes, so a run that
 * ends during shutdown can still record how it ended.
 */
@Component
class JobThreads implements SmartLifecycle, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(JobThreads.class);

	static final int RUN_THREADS = 2;

	/** Runs waiting for a thread; beyond this a start is refused rather than queued. */
	static final int WAITING_RUNS = 100;

	private volatile ThreadPoolExecutor runs;

	private final ScheduledThreadPoolExecutor timer;

	private volatile boolean running;

	JobThreads() {
		this.runs = newRunPool();
		CustomizableThreadFactory timerThread = new CustomizableThreadFactory("job-timer-");
		timerThread.setDaemon(true);
		this.timer = new ScheduledThreadPoolExecutor(1, timerThread);
		this.timer.setRemoveOnCancelPolicy(true);
	}

	private static ThreadPoolExecutor newRunPool() {
		return new ThreadPoolExecutor(RUN_THREADS, RUN_THREADS, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(WAITING_RUNS), new CustomizableThreadFactory("job-"),
				new ThreadPoolExecutor.AbortPolicy());
	}

	Executor runs() {
		return this.runs;
	}

	ScheduledExecutorService timer() {
		return this.timer;
	}

	@Override
	public void start() {
		// a context may be stopped and started again (Spring's tests pause idle contexts)
		if (this.runs.isShutdown()) {
			this.runs = newRunPool();
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.runs.shutdown();
		try {
			if (!this.runs.awaitTermination(10, TimeUnit.SECONDS)) {
				log.warn("Interrupting {} job runs still going at shutdown", this.runs.getActiveCount());
				this.runs.shutdownNow();
				this.runs.awaitTermination(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.runs.shutdownNow();
		}
	}

	/**
	 * The timer outlives a stop: the log flusher holds on to it, and a stopped context
	 * may start again.
	 */
	@Override
	public void destroy() {
		this.timer.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Stops after the web server stopped taking requests (graceful shutdown) and, like
	 * every lifecycle, before the connection pool closes.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1536;
	}

}
