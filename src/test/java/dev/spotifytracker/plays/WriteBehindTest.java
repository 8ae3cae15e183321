package dev.spotifytracker.plays;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Batch writes run one at a time, in order, beside their caller; a failure reaches the
 * caller at its next step.
 */
class WriteBehindTest {

	@Test
	void aWriteRunsWhileTheCallerGoesOnAndGivesItsResultAtTheNextSubmit() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		try (WriteBehind<String> writes = new WriteBehind<>("test-writer")) {
			// the first write waits for the caller: run on the caller's thread, it would
			// time out before the caller could release it
			assertThat(writes.submit(() -> release.await(5, TimeUnit.SECONDS) ? "first" : "timed out")).isNull();
			release.countDown();

			assertThat(writes.submit(() -> "second")).isEqualTo("first");
			assertThat(writes.await()).isEqualTo("second");
			assertThat(writes.await()).isNull();
		}
	}

	@Test
	void writesRunOneAtATimeInTheOrderSubmitted() {
		List<Integer> order = new CopyOnWriteArrayList<>();
		try (WriteBehind<Integer> writes = new WriteBehind<>("test-writer")) {
			for (int i = 0; i < 20; i++) {
				int n = i;
				writes.submit(() -> {
					order.add(n);
					return n;
				});
			}
			writes.await();
		}
		assertThat(order).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
	}

	@Test
	void aFailedWriteFailsTheNextSubmitAndRunsNothingAfterIt() {
		List<String> ran = new CopyOnWriteArrayList<>();
		try (WriteBehind<String> writes = new WriteBehind<>("test-writer")) {
			writes.submit(() -> {
				throw new IllegalStateException("batch 1 failed");
			});

			assertThatIllegalStateException().isThrownBy(() -> writes.submit(() -> {
				ran.add("batch 2");
				return "2";
			})).withMessage("batch 1 failed");
		}
		assertThat(ran).isEmpty();
	}

	@Test
	void closingWaitsForTheRunningWrite() {
		List<String> done = new CopyOnWriteArrayList<>();
		try (WriteBehind<String> writes = new WriteBehind<>("test-writer")) {
			writes.submit(() -> {
				Thread.sleep(200);
				done.add("written");
				return "written";
			});
		}
		assertThat(done).containsExactly("written");
	}

}
