package dev.spotifytracker.plays;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Plays that may be lost: recently played only ever reaches the newest 50 plays, so when
 * a full page comes back and even its oldest play is newer than the newest stored one,
 * the plays in between were never seen.
 *
 * @param from the newest stored play
 * @param to the oldest play of the page
 */
record PlayGap(Instant from, Instant to) {

	/**
	 * @param newestStored the newest stored play, or null when none is stored (nothing
	 * can be missing then)
	 * @param playedAt when each play of the page was played
	 * @param pageSize the most plays one call returns
	 */
	static Optional<PlayGap> find(Instant newestStored, Collection<Instant> playedAt, int pageSize) {
		if (newestStored == null || playedAt.size() < pageSize) {
			return Optional.empty();
		}
		Instant oldest = playedAt.stream().min(Instant::compareTo).orElseThrow();
		return oldest.isAfter(newestStored) ? Optional.of(new PlayGap(newestStored, oldest)) : Optional.empty();
	}

}
