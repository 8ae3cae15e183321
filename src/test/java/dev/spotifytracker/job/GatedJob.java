package dev.spotifytracker.job;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.core.Ordered;

/**
 * A stand-in for a feature's job (ordered first, so it replaces the one of the same
 * name): it logs, reports half its progress, then waits until the test opens its gate, so
 * a test sees a run going on.
 */
class GatedJob implements Job, Ordered {

	private final String name;

	private volatile CountDownLatch gate = new CountDownLatch(1);

	GatedJob(String name) {
		this.name = name;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public String description() {
		return "Waits for the test's gate.";
	}

	@Override
	public JobResult run(JobContext context) throws Exception {
		context.info("Reading saved albums, page {} of {}", 1, 2);
		context.progress(1, 2);
		if (!this.gate.await(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("The test never opened the gate");
		}
		context.info("Reading saved albums, page {} of {}", 2, 2);
		context.progress(2, 2);
		return new JobResult(3, "3 albums added");
	}

	void open() {
		this.gate.countDown();
	}

	void close() {
		this.gate = new CountDownLatch(1);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
