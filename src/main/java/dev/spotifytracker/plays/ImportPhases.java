package dev.spotifytracker.plays;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Where the imports' time went, phase by phase, summed over every import since the
 * service started (or since {@link #reset()}): the import benchmark prints it. Timing a
 * phase costs two clock reads.
 */
@Component
public class ImportPhases {

	/**
	 * The phases of an import, in the order a batch goes through them.
	 */
	public enum Phase {

		/** Reading and parsing the export (everything outside the batches' writes). */
		PARSE("parse"),
		/** Storing the raw rows. */
		RAW_ROWS("raw rows"),
		/** The stub catalog entries of new tracks. */
		STUBS("stubs"),
		/** Saying why a row is no play, resolving account-data names. */
		CLASSIFY("classification"),
		/** Rows whose stream is already a play. */
		KNOWN("known rows"),
		/** Merging rows into polled plays. */
		MERGE("merge"),
		/** Inserting the new plays. */
		INSERT_PLAYS("plays insert"),
		/** Keeping the report's rollups equal to the plays. */
		ROLLUPS("rollups"),
		/** The batch's counts and each file's checkpoint. */
		CHECKPOINTS("counts and checkpoints"),
		/** Committing the batch. */
		COMMIT("commit"),
		/** Refreshing the planner's statistics. */
		ANALYZE("analyze");

		private final String label;

		Phase(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	private final Map<Phase, LongAdder> nanos = new EnumMap<>(Phase.class);

	public ImportPhases() {
		for (Phase phase : Phase.values()) {
			this.nanos.put(phase, new LongAdder());
		}
	}

	<T> T time(Phase phase, Supplier<T> work) {
		long start = System.nanoTime();
		try {
			return work.get();
		}
		finally {
			add(phase, System.nanoTime() - start);
		}
	}

	void time(Phase phase, Runnable work) {
		long start = System.nanoTime();
		try {
			work.run();
		}
		finally {
			add(phase, System.nanoTime() - start);
		}
	}

	void add(Phase phase, long nanos) {
		this.nanos.get(phase).add(nanos);
	}

	/**
	 * @return the time spent in each phase so far, in phase order
	 */
	public Map<Phase, Duration> spent() {
		Map<Phase, Duration> spent = new EnumMap<>(Phase.class);
		this.nanos.forEach((phase, total) -> spent.put(phase, Duration.ofNanos(total.sum())));
		return spent;
	}

	public void reset() {
		this.nanos.values().forEach(LongAdder::reset);
	}

}
