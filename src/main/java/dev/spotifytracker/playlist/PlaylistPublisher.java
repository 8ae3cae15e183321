package dev.spotifytracker.playlist;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.RunLockLostException;
import dev.spotifytracker.spotify.PlaylistSummary;
import dev.spotifytracker.spotify.SpotifyAccountOnHoldException;
import dev.spotifytracker.spotify.SpotifyClient;
import dev.spotifytracker.spotify.SpotifySignInRequiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Turns "desired list vs last pushed" into Spotify calls: none when they are equal,
 * otherwise the cheaper {@link PushPlan}. Creates the playlist when the rule has none. A
 * push that fails midway leaves the mapping {@code incomplete}, so the next push replaces
 * the playlist's contents; nothing here ever deletes a mapping.
 */
@Component
class PlaylistPublisher {

	private static final Logger log = LoggerFactory.getLogger(PlaylistPublisher.class);

	private static final String TRACK_URI = "spotify:track:";

	private final PlaylistQueries queries;

	private final PlaylistMappingRepository mappings;

	private final RuleSettingsRepository settings;

	private final Clock clock;

	PlaylistPublisher(PlaylistQueries queries, PlaylistMappingRepository mappings, RuleSettingsRepository settings,
			Clock clock) {
		this.queries = queries;
		this.mappings = mappings;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Pushes every enabled rule of the account, one after the other. A failed playlist
	 * does not stop the others, except when Spotify asks the account to wait or to sign
	 * in again, or the run lost its lock: then nothing more can (or may) succeed and that
	 * exception ends the run.
	 * @param listener hears of each outcome as it happens
	 */
	List<PublishOutcome> publishAll(AccountId account, SpotifyClient spotify, PublishListener listener) {
		List<RuleSettings> enabled = this.settings.findAll(account)
			.values()
			.stream()
			.filter(RuleSettings::enabled)
			.toList();
		List<PublishOutcome> outcomes = new ArrayList<>();
		for (RuleSettings rule : enabled) {
			PublishOutcome outcome;
			RuntimeException stop = null;
			try {
				outcome = publish(account, rule, spotify);
			}
			catch (PushFailedException ex) {
				outcome = ex.outcome();
				if (ex.getCause() instanceof SpotifyAccountOnHoldException
						|| ex.getCause() instanceof SpotifySignInRequiredException
						|| ex.getCause() instanceof RunLockLostException) {
					stop = (RuntimeException) ex.getCause();
				}
			}
			outcomes.add(outcome);
			listener.published(outcome, outcomes.size(), enabled.size());
			if (stop != null) {
				throw stop;
			}
		}
		return outcomes;
	}

	/**
	 * Pushes one rule, whatever its enabled flag.
	 * @throws PushFailedException when a Spotify call failed (the mapping, if any, is
	 * then {@code incomplete})
	 */
	PublishOutcome publish(AccountId account, RuleSettings ruleSettings, SpotifyClient spotify) {
		SmartPlaylistRule rule = ruleSettings.rule();
		Optional<PlaylistMapping> found = this.mappings.find(account, rule);
		if (found.isPresent() && found.get().status() == MappingStatus.REMOVED) {
			PlaylistMapping removed = found.get();
			return new PublishOutcome(rule, removed.spotifyPlaylistId(), false, "skipped",
					removed.pushedTrackIds().size(), 0, 0, 0, MappingStatus.REMOVED, null);
		}
		Instant now = this.clock.instant();
		List<String> desired = this.queries.select(account, ruleSettings, now).trackIds();

		int calls = 0;
		boolean created = false;
		PlaylistMapping mapping;
		if (found.isPresent()) {
			mapping = found.get();
		}
		else {
			PlaylistSummary playlist;
			try {
				playlist = spotify.createPlaylist(rule.displayName(), rule.playlistDescription(ruleSettings), false);
			}
			catch (RuntimeException ex) {
				throw new PushFailedException(
						new PublishOutcome(rule, null, false, "failed", desired.size(), 0, 0, 1, null, ex.getMessage()),
						ex);
			}
			calls++;
			created = true;
			// stored before the first write, so a failure below cannot make us create a
			// second one
			this.mappings.saveCreated(account, rule, rule.displayName(), playlist.id(), playlist.snapshotId(), now);
			mapping = this.mappings.find(account, rule).orElseThrow();
			log.info("Account {}: created playlist {} for {}", account, playlist.id(), rule.slug());
		}

		PushPlan plan = PushPlan.between(mapping.pushedTrackIds(), mapping.status() == MappingStatus.ACTIVE, desired);
		int added = difference(desired, mapping.pushedTrackIds());
		int removed = difference(mapping.pushedTrackIds(), desired);
		if (plan.kind() == PushPlan.Kind.NONE) {
			return new PublishOutcome(rule, mapping.spotifyPlaylistId(), created, plan.kind().value(), desired.size(),
					0, 0, calls, mapping.status(), null);
		}
		// incomplete until the last call went through: a failure, or the process dying
		// midway, leaves a playlist the next run replaces in full
		this.mappings.markIncomplete(account, rule);
		String snapshot = null;
		for (PushPlan.PlaylistCall call : plan.calls()) {
			try {
				snapshot = send(spotify, mapping.spotifyPlaylistId(), call);
				calls++;
			}
			catch (RuntimeException ex) {
				calls++;
				log.warn("Account {}: push of {} to playlist {} failed after {} of {} calls, marked incomplete: {}",
						account, rule.slug(), mapping.spotifyPlaylistId(), calls - 1, plan.calls().size(),
						ex.getMessage());
				throw new PushFailedException(new PublishOutcome(rule, mapping.spotifyPlaylistId(), created, "failed",
						desired.size(), added, removed, calls, MappingStatus.INCOMPLETE, ex.getMessage()), ex);
			}
		}
		this.mappings.savePushed(account, rule, desired, snapshot, now);
		return new PublishOutcome(rule, mapping.spotifyPlaylistId(), created, plan.kind().value(), desired.size(),
				added, removed, calls, MappingStatus.ACTIVE, null);
	}

	private static String send(SpotifyClient spotify, String playlistId, PushPlan.PlaylistCall call) {
		List<String> uris = call.tracks().stream().map((track) -> TRACK_URI + track).toList();
		if (call instanceof PushPlan.Replace) {
			return spotify.replacePlaylistItems(playlistId, uris);
		}
		if (call instanceof PushPlan.Add add) {
			return spotify.addPlaylistItems(playlistId, uris, add.position());
		}
		return spotify.removePlaylistItems(playlistId, uris);
	}

	private static int difference(List<String> from, List<String> without) {
		Set<String> excluded = new HashSet<>(without);
		return (int) from.stream().filter((track) -> !excluded.contains(track)).count();
	}

	/**
	 * Hears of each playlist's outcome during {@link #publishAll}.
	 */
	@FunctionalInterface
	interface PublishListener {

		PublishListener NONE = (outcome, done, total) -> {
		};

		void published(PublishOutcome outcome, int done, int total);

	}

	/**
	 * A push that failed; its cause is the Spotify exception.
	 */
	static final class PushFailedException extends RuntimeException {

		private final transient PublishOutcome outcome;

		PushFailedException(PublishOutcome outcome, RuntimeException cause) {
			super(cause.getMessage(), cause);
			this.outcome = outcome;
		}

		PublishOutcome outcome() {
			return this.outcome;
		}

	}

}
