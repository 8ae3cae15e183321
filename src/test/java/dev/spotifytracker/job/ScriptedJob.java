package dev.spotifytracker.job;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import dev.spotifytracker.app.AccountId;

import org.springframework.core.Ordered;

/**
 * A job whose behaviour each test sets. Ordered first, so one named like a feature's job
 * ({@code library}, {@code plays}...) stands in for it.
 */
class ScriptedJob implements Job, Ordered {

	private final String name;

	private final String lockGroup;

	private final boolean essential;

	private final JobSchedule schedule;

	private final List<String> alsoDoes;

	private volatile String notNeeded;

	private final AtomicInteger runs = new AtomicInteger();

	private volatile Behaviour behaviour;

	private volatile int estimatedCalls;

	ScriptedJob(String name, String lockGroup, boolean essential) {
		this(name, lockGroup, essential, JobSchedule.onDemand());
	}

	ScriptedJob(String name, String lockGroup, boolean essential, JobSchedule schedule) {
		this(name, lockGroup, essential, schedule, List.of());
	}

	ScriptedJob(String name, String lockGroup, boolean essential, JobSchedule schedule, List<String> alsoDoes) {
		this.alsoDoes = alsoDoes;
		this.name = name;
		this.lockGroup = lockGroup;
		this.essential = essential;
		this.schedule = schedule;
		reset();
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public String description() {
		return "Stands in for " + this.name + " in the runner's tests.";
	}

	@Override
	public JobSchedule schedule() {
		return this.schedule;
	}

	@Override
	public List<String> alsoDoes() {
		return this.alsoDoes;
	}

	@Override
	public Optional<String> notNeeded(AccountId account) {
		return Optional.ofNullable(this.notNeeded);
	}

	/**
	 * Makes the cycle leave the job out, for this reason.
	 */
	ScriptedJob notNeeded(String reason) {
		this.notNeeded = reason;
		return this;
	}

	@Override
	public String lockGroup() {
		return this.lockGroup;
	}

	@Override
	public boolean essential() {
		return this.essential;
	}

	@Override
	public int estimatedCalls(AccountId account) {
		return this.estimatedCalls;
	}

	ScriptedJob estimates(int calls) {
		this.estimatedCalls = calls;
		return this;
	}

	@Override
	public JobResult run(JobContext context) throws Exception {
		this.runs.incrementAndGet();
		return this.behaviour.run(context);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	ScriptedJob does(Behaviour behaviour) {
		this.behaviour = behaviour;
		return this;
	}

	ScriptedJob changes(int items) {
		return does((context) -> new JobResult(items, items + " changed"));
	}

	int runs() {
		return this.runs.get();
	}

	void reset() {
		this.behaviour = (context) -> new JobResult(0, "nothing to do");
		this.estimatedCalls = 0;
		this.notNeeded = null;
		this.runs.set(0);
	}

	@FunctionalInterface
	interface Behaviour {

		JobResult run(JobContext context) throws Exception;

	}

}
