package dev.spotifytracker.plays;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.JobRuns;
import dev.spotifytracker.library.TrackPlayFigures;
import dev.spotifytracker.library.TrackPlays;

import org.springframework.stereotype.Service;

/**
 * The plays module's public face for the dashboard (for example the play columns of the
 * library page): play counts, first and last plays, recent plays.
 */
@Service
public class PlayService implements TrackPlayFigures {

	/** The longest list {@link #recent} returns. */
	public static final int MAX_RECENT = 500;

	private final PlayRepository plays;

	private final JobRuns runs;

	private final PlayGaps gaps;

	PlayService(PlayRepository plays, JobRuns runs, PlayGaps gaps) {
		this.plays = plays;
		this.runs = runs;
		this.gaps = gaps;
	}

	public long count(AccountId account) {
		return this.plays.count(account);
	}

	public Optional<Instant> lastPlayedAt(AccountId account) {
		return this.plays.newestPlayedAt(account);
	}

	/**
	 * Play figures of the given tracks; a track never played is absent from the map.
	 */
	@Override
	public Map<String, TrackPlays> forTracks(AccountId account, Collection<String> trackIds) {
		return this.plays.forTracks(account, trackIds);
	}

	/**
	 * The gap the account's last poll of recently played warned about, if it did and no
	 * import has covered it since.
	 */
	public Optional<PlayGapWarning> lastPollGap(AccountId account) {
		return this.runs.lastRuns(List.of(account))
			.stream()
			.filter((run) -> run.job().equals(PlaysJob.NAME))
			.findFirst()
			.filter((run) -> run.details() != null && run.details().get(PlaysJob.GAP) instanceof Map<?, ?>)
			.map((run) -> {
				Map<?, ?> gap = (Map<?, ?>) run.details().get(PlaysJob.GAP);
				return new PlayGapWarning(instant(gap.get("from")), instant(gap.get("to")), run.id());
			})
			.filter((gap) -> gap.from() == null || gap.to() == null
					|| !this.gaps.closed(account, gap.from(), gap.to()));
	}

	private static Instant instant(Object value) {
		try {
			return (value != null) ? Instant.parse(value.toString()) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * The newest plays, newest first.
	 */
	public List<RecentPlay> recent(AccountId account, int limit) {
		return this.plays.recent(account, Math.max(1, Math.min(limit, MAX_RECENT)));
	}

}
