package dev.spotifytracker.job;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds a job inside its run until the test opens it.
 */
class Gate {

	private final CountDownLatch entered = new CountDownLatch(1);

	private final CountDownLatch open = new CountDownLatch(1);

	/**
	 * Called by the job: says it is in, then waits to be let out.
	 */
	void pass() throws InterruptedException {
		this.entered.countDown();
		if (!this.open.await(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("The test never opened the gate");
		}
	}

	void awaitEntered() throws InterruptedException {
		if (!this.entered.await(30, TimeUnit.SECONDS)) {
			throw new AssertionError("The job never started");
		}
	}

	void open() {
		this.open.countDown();
	}

}
