package dev.spotifytracker.playlist;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.spotifytracker.account.JobAccounts;
import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.RunLockLostException;
import dev.spotifytracker.spotify.PlaylistSummary;
import dev.spotifytracker.spotify.SpotifyAccountOnHoldException;
import dev.spotifytracker.spotify.SpotifyClient;
import dev.spotifytracker.spotify.SpotifyException;
import dev.spotifytracker.spotify.SpotifyRequestException;
import dev.spotifytracker.spotify.SpotifySignInRequiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

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

	private final PushTargets targets;

	private final PlaylistMappingRepository mappings;

	private final PlaylistCreations creations;

	private final JobAccounts accounts;

	private final Clock clock;

	PlaylistPublisher(PushTargets targets, PlaylistMappingRepository mappings, PlaylistCreations creations,
			JobAccounts accounts, Clock clock) {
		this.targets = targets;
		this.mappings = mappings;
		this.creations = creations;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * Pushes every enabled built-in and every rule playlist of the account, one after the
	 * other. A failed playlist does not stop the others, except when Spotify asks the
	 * account to wait or to sign in again, or the run lost its lock: then nothing more
	 * can (or may) succeed and that exception ends the run.
	 * @param listener hears of each outcome as it happens
	 */
	List<PublishOutcome> publishAll(AccountId account, SpotifyClient spotify, PublishListener listener) {
		List<PushTarget> enabled = this.targets.scheduled(account);
		List<PublishOutcome> outcomes = new ArrayList<>();
		for (PushTarget rule : enabled) {
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
		return publish(account, this.targets.builtIn(account, ruleSettings), spotify);
	}

	/**
	 * Pushes one smart playlist. A rule playlist's first push of an empty result creates
	 * nothing unless {@link PushTarget#createEmpty()}: it answers {@code unconfirmed}.
	 * @throws PushFailedException when its query or a Spotify call failed (the mapping,
	 * if any, is then {@code incomplete} after a failed call)
	 */
	PublishOutcome publish(AccountId account, PushTarget rule, SpotifyClient spotify) {
		Optional<PlaylistMapping> found = this.mappings.find(account, rule.slug());
		if (found.isPresent() && found.get().status() == MappingStatus.REMOVED) {
			PlaylistMapping removed = found.get();
			return outcome(rule, removed.spotifyPlaylistId(), false, "skipped", removed.pushedTrackIds().size(), 0, 0,
					0, MappingStatus.REMOVED, null);
		}
		Instant now = this.clock.instant();
		List<String> desired;
		try {
			desired = rule.select().apply(now);
		}
		catch (RuntimeException ex) {
			log.warn("Account {}: the query of {} failed, nothing pushed: {}", account, rule.slug(), ex.getMessage());
			throw new PushFailedException(outcome(rule, found.map(PlaylistMapping::spotifyPlaylistId).orElse(null),
					false, "failed", 0, 0, 0, 0, found.map(PlaylistMapping::status).orElse(null),
					"its tracks could not be selected: " + ex.getMessage()), ex);
		}
		if (found.isEmpty() && desired.isEmpty() && !rule.createEmpty()
				&& this.creations.unanswered(account, rule.slug()).isEmpty()) {
			return outcome(rule, null, false, PublishOutcome.UNCONFIRMED, 0, 0, 0, 0, null, null);
		}

		int calls = 0;
		boolean created = false;
		PlaylistMapping mapping;
		if (found.isPresent()) {
			mapping = found.get();
		}
		else {
			LostCreation lost;
			try {
				lost = findLostCreation(account, rule, spotify);
			}
			catch (RuntimeException ex) {
				// the note stays: the next push looks again
				throw new PushFailedException(
						outcome(rule, null, false, "failed", desired.size(), 0, 0, 1, null, ex.getMessage()), ex);
			}
			calls += lost.calls();
			if (lost.playlist() != null) {
				// what it holds is not known for sure: the push below replaces it in full
				PlaylistSummary playlist = lost.playlist();
				this.mappings.saveLinked(account, rule.slug(), rule.name(), playlist.id(), playlist.snapshotId(), now);
				this.creations.forget(account, rule.slug());
				log.info("Account {}: found playlist {} for {}, created by a push whose answer was lost", account,
						playlist.id(), rule.slug());
			}
			else {
				create(account, rule, spotify, desired.size(), calls, now);
				calls++;
				created = true;
			}
			mapping = this.mappings.find(account, rule.slug()).orElseThrow();
		}

		PushPlan plan = PushPlan.between(mapping.pushedTrackIds(), mapping.status() == MappingStatus.ACTIVE, desired);
		int added = difference(desired, mapping.pushedTrackIds());
		int removed = difference(mapping.pushedTrackIds(), desired);
		if (plan.kind() == PushPlan.Kind.NONE) {
			return outcome(rule, mapping.spotifyPlaylistId(), created, plan.kind().value(), desired.size(), 0, 0, calls,
					mapping.status(), null);
		}
		// incomplete until the last call went through: a failure, or the process dying
		// midway, leaves a playlist the next run replaces in full
		this.mappings.markIncomplete(account, rule.slug());
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
				throw new PushFailedException(outcome(rule, mapping.spotifyPlaylistId(), created, "failed",
						desired.size(), added, removed, calls, MappingStatus.INCOMPLETE, ex.getMessage()), ex);
			}
		}
		this.mappings.savePushed(account, rule.slug(), desired, snapshot, now);
		return outcome(rule, mapping.spotifyPlaylistId(), created, plan.kind().value(), desired.size(), added, removed,
				calls, MappingStatus.ACTIVE, null);
	}

	/**
	 * Creates the rule's playlist. The creation is noted before it is sent and forgotten
	 * once its answer is recorded, so an answer that never comes leaves a note for
	 * {@link #findLostCreation}.
	 */
	private void create(AccountId account, PushTarget rule, SpotifyClient spotify, int desired, int callsBefore,
			Instant now) {
		String description = rule.description();
		this.creations.noteSending(account, rule.slug(), rule.name(), description, now);
		PlaylistSummary playlist;
		try {
			playlist = spotify.createPlaylist(rule.name(), description, false);
		}
		catch (RuntimeException ex) {
			if (!mayHaveBeenCreated(ex)) {
				this.creations.forget(account, rule.slug());
			}
			throw new PushFailedException(
					outcome(rule, null, false, "failed", desired, 0, 0, callsBefore + 1, null, ex.getMessage()), ex);
		}
		// stored before the first write, so a failure below cannot make us create a
		// second one
		this.mappings.saveCreated(account, rule.slug(), rule.name(), playlist.id(), playlist.snapshotId(), now);
		this.creations.forget(account, rule.slug());
		log.info("Account {}: created playlist {} for {}", account, playlist.id(), rule.slug());
	}

	/**
	 * Whether Spotify may have created the playlist although the call failed: no answer
	 * came (a timeout, a dropped connection) or a server error, after which Spotify may
	 * or may not have done it. A refusal (4xx, a wait asked for) or a call never sent
	 * created nothing.
	 */
	private static boolean mayHaveBeenCreated(RuntimeException failure) {
		if (failure instanceof SpotifyRequestException request) {
			return request.status() == 0 || request.status() >= 500;
		}
		return !(failure instanceof SpotifyException || failure instanceof RunLockLostException);
	}

	/**
	 * The playlist an earlier creation of the rule made although its answer was lost: the
	 * user's own playlist with the name and description sent, not linked to another rule.
	 * Spotify is asked (its playlists, newest first) only when such a creation is noted,
	 * so a normal push costs nothing more.
	 */
	private LostCreation findLostCreation(AccountId account, PushTarget rule, SpotifyClient spotify) {
		Optional<PlaylistCreations.Unanswered> unanswered = this.creations.unanswered(account, rule.slug());
		if (unanswered.isEmpty()) {
			return new LostCreation(null, 0);
		}
		String owner = this.accounts.spotifyUserId(account);
		PlaylistSummary[] found = { null };
		int calls = UserPlaylists.visit(spotify, (playlist) -> {
			boolean same = Objects.equals(playlist.ownerId(), owner)
					&& Objects.equals(playlist.name(), unanswered.get().name())
					&& sameDescription(playlist.description(), unanswered.get().description())
					&& this.mappings.using(account, playlist.id()).isEmpty();
			if (same) {
				found[0] = playlist;
			}
			return !same;
		});
		if (found[0] == null) {
			// not created after all: the creation below notes itself again
			this.creations.forget(account, rule.slug());
		}
		return new LostCreation(found[0], calls);
	}

	/**
	 * @param playlist the playlist found, or null
	 * @param calls the calls the search took
	 */
	private record LostCreation(PlaylistSummary playlist, int calls) {

	}

	private static PublishOutcome outcome(PushTarget rule, String playlistId, boolean created, String change,
			int tracks, int added, int removed, int calls, MappingStatus status, String error) {
		return new PublishOutcome(rule.slug(), rule.name(), playlistId, created, change, tracks, added, removed, calls,
				status, error);
	}

	/**
	 * Spotify gives a description back with HTML entities for some characters ({@code '}
	 * as {@code &#x27;}).
	 */
	static boolean sameDescription(String fromSpotify, String sent) {
		String given = (fromSpotify != null) ? HtmlUtils.htmlUnescape(fromSpotify) : "";
		return given.equals((sent != null) ? sent : "");
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
