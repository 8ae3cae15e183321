package dev.spotifytracker.job;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The jobs of the service: every bean implementing {@link Job}, by name, and the order
 * the schedules and the jobs page take them in. Read on first use rather than at
 * construction, so a job may itself depend on the runner.
 *
 * <p>
 * When two beans share a name, the one ordered first ({@code Ordered} or {@code @Order})
 * is used and the other is reported: a test replaces a feature's job this way.
 */
@Component
public class JobRegistry {

	private static final Logger log = LoggerFactory.getLogger(JobRegistry.class);

	private final ObjectProvider<Job> beans;

	private volatile Map<String, Job> jobs;

	JobRegistry(ObjectProvider<Job> beans) {
		this.beans = beans;
	}

	Optional<Job> find(String name) {
		return Optional.ofNullable(jobs().get(name));
	}

	boolean contains(String name) {
		return jobs().containsKey(name);
	}

	Set<String> names() {
		return jobs().keySet();
	}

	Collection<Job> all() {
		return jobs().values();
	}

	/**
	 * The jobs the jobs page offers, in the order it shows them: the cycle's, then the
	 * daily schedule's, each in its order, then the others by name; the cycle itself
	 * ({@value CycleJob#NAME}) last.
	 */
	public List<Job> listed() {
		return jobs().values()
			.stream()
			.filter(Job::listed)
			.sorted(Comparator.comparing((Job job) -> job.name().equals(CycleJob.NAME))
				.thenComparing((job) -> job.schedule().group())
				.thenComparingInt((job) -> job.schedule().order())
				.thenComparing(Job::name))
			.toList();
	}

	/**
	 * The jobs a schedule runs, in their order.
	 */
	List<Job> inGroup(JobSchedule.Group group) {
		return jobs().values()
			.stream()
			.filter((job) -> job.schedule().group() == group)
			.sorted(Comparator.comparingInt((Job job) -> job.schedule().order()).thenComparing(Job::name))
			.toList();
	}

	/**
	 * The names of the jobs that share this lock group.
	 */
	List<String> namesInGroup(String lockGroup) {
		return jobs().values().stream().filter((job) -> job.lockGroup().equals(lockGroup)).map(Job::name).toList();
	}

	private Map<String, Job> jobs() {
		Map<String, Job> current = this.jobs;
		if (current == null) {
			synchronized (this) {
				current = this.jobs;
				if (current == null) {
					current = collect();
					this.jobs = current;
				}
			}
		}
		return current;
	}

	private Map<String, Job> collect() {
		Map<String, Job> byName = new LinkedHashMap<>();
		this.beans.orderedStream().forEach((job) -> {
			Job first = byName.putIfAbsent(job.name(), job);
			if (first != null) {
				log.warn("Two jobs are named {}: {} is used, {} is not", job.name(), first.getClass().getName(),
						job.getClass().getName());
			}
		});
		log.debug("Jobs: {}", byName.keySet());
		return Collections.unmodifiableMap(byName);
	}

}
