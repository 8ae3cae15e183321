package dev.spotifytracker.job;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobThreadsTest {

	@Test
	void runsStartAgainAfterTheLifecycleWasStoppedAndStarted() throws Exception {
		// given: a context paused and resumed, as the test framework does between classes
		JobThreads threads = new JobThreads();
		threads.start();
		threads.stop();
		threads.start();

		// when
		CountDownLatch ran = new CountDownLatch(2);
		threads.runs().execute(ran::countDown);
		threads.timer().schedule(ran::countDown, 1, TimeUnit.MILLISECONDS);

		// then
		assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
		threads.stop();
		threads.destroy();
	}

}
