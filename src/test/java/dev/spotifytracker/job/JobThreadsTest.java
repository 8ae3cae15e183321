package dev.spotifytracker.job;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobThreadsTest {

	@Test
	void aStoppedAndRestartedContextStillRunsJobs() throws Exception {
		JobThreads threads = new JobThreads();
		threads.start();
		threads.stop();

		threads.start();
		CountDownLatch ran = new CountDownLatch(1);
		threads.runs().execute(ran::countDown);

		assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
		threads.stop();
		threads.destroy();
	}

}
