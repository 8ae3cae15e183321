package dev.spotifytracker.plays;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.spotifytracker.app.AccountId;
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

	PlayService(PlayRepository plays) {
		this.plays = plays;
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
	 * The newest plays, newest first.
	 */
	public List<RecentPlay> recent(AccountId account, int limit) {
		return this.plays.recent(account, Math.max(1, Math.min(limit, MAX_RECENT)));
	}

}
