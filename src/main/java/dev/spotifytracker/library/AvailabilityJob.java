package dev.spotifytracker.library;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.spotifytracker.job.Job;
import dev.spotifytracker.job.JobContext;
import dev.spotifytracker.job.JobProperties;
import dev.spotifytracker.job.JobResult;
import dev.spotifytracker.job.JobSchedule;
import dev.spotifytracker.spotify.Playability;
import dev.spotifytracker.spotify.SpotifyRequestException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code availability}: asks Spotify again about library tracks whose availability is
 * unknown (the pages left {@code is_playable} out), one track per call since the batch
 * form is gone, at most {@link JobProperties#availabilityBatch()} per run, the longest
 * unchecked first. A track still unknown goes to the back of the queue.
 */
@Component
class AvailabilityJob implements Job {

	private final AvailabilityRepository availability;

	private final JobProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	AvailabilityJob(AvailabilityRepository availability, JobProperties properties,
			PlatformTransactionManager transactions, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.availability = availability;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Override
	public String name() {
		return "availability";
	}

	@Override
	public String description() {
		return "Whether library tracks still play in your country, a batch at a time.";
	}

	@Override
	public JobSchedule schedule() {
		return JobSchedule.daily(20);
	}

	@Override
	public String lockGroup() {
		return LibraryJob.LOCK_GROUP;
	}

	@Override
	public JobResult run(JobContext context) {
		List<String> unknown = this.availability.unknown(context.account(), this.properties.availabilityBatch());
		Map<String, Playability> answers = new LinkedHashMap<>();
		try {
			for (String trackId : unknown) {
				answers.put(trackId, ask(context, trackId));
				context.progress(answers.size(), unknown.size());
			}
		}
		catch (RuntimeException ex) {
			// the answers cost calls from a small daily quota: keep them when a later
			// call fails
			int changed = save(context, answers);
			context.warn("Availability: stopped after {} of {} tracks ({} changed): {}", answers.size(), unknown.size(),
					changed, ex.getMessage());
			throw ex;
		}
		int changed = save(context, answers);
		int known = (int) answers.values().stream().filter(Playability::isKnown).count();
		context.info("Availability: {} unknown tracks checked, {} now known, {} changed", answers.size(), known,
				changed);
		return new JobResult(changed, answers.size() + " unknown tracks checked, " + known + " now known");
	}

	private Playability ask(JobContext context, String trackId) {
		try {
			return context.spotify().track(trackId).playability();
		}
		catch (SpotifyRequestException ex) {
			if (ex.status() != 404) {
				throw ex;
			}
			context.warn("Availability: Spotify does not know track {} any more", trackId);
			return Playability.UNKNOWN;
		}
	}

	private int save(JobContext context, Map<String, Playability> answers) {
		int changed = this.transaction
			.execute((status) -> this.availability.write(context.account(), answers, this.clock.instant()));
		if (changed > 0) {
			this.events.publishEvent(new LibraryChanged(context.account(), changed));
		}
		return changed;
	}

}
