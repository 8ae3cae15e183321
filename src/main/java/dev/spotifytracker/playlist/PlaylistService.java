package dev.spotifytracker.playlist;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import dev.spotifytracker.account.JobAccounts;
import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.JobGroupLocks;
import dev.spotifytracker.library.TrackExclusions;
import dev.spotifytracker.spotify.PlaylistSummary;
import dev.spotifytracker.spotify.SpotifyClient;
import dev.spotifytracker.spotify.SpotifyClients;

import org.springframework.stereotype.Service;

/**
 * The smart playlists module's public face: the rules with an account's settings, a
 * preview of each, settings changes, the exclusion list, linking and recreating
 * playlists, and pushing now.
 */
@Service
public class PlaylistService implements TrackExclusions {

	private static final Pattern TRACK_ID = Pattern.compile("[0-9A-Za-z]{22}");

	private final RuleSettingsRepository settings;

	private final PlaylistMappingRepository mappings;

	private final ExcludedTrackRepository exclusions;

	private final PlaylistQueries queries;

	private final TrackSummaries summaries;

	private final PlaylistPublisher publisher;

	private final PushTargets targets;

	private final RulePlaylists rulePlaylists;

	private final SpotifyClients spotify;

	private final JobAccounts accounts;

	private final JobGroupLocks locks;

	private final PlaylistsDue due;

	private final Clock clock;

	PlaylistService(RuleSettingsRepository settings, PlaylistMappingRepository mappings,
			ExcludedTrackRepository exclusions, PlaylistQueries queries, TrackSummaries summaries,
			PlaylistPublisher publisher, PushTargets targets, RulePlaylists rulePlaylists, SpotifyClients spotify,
			JobAccounts accounts, JobGroupLocks locks, PlaylistsDue due, Clock clock) {
		this.due = due;
		this.settings = settings;
		this.mappings = mappings;
		this.exclusions = exclusions;
		this.queries = queries;
		this.summaries = summaries;
		this.publisher = publisher;
		this.targets = targets;
		this.rulePlaylists = rulePlaylists;
		this.spotify = spotify;
		this.accounts = accounts;
		this.locks = locks;
		this.clock = clock;
	}

	/**
	 * The six rules, in their fixed order, with the account's settings and playlists.
	 */
	public List<PlaylistRuleView> rules(AccountId account) {
		Map<SmartPlaylistRule, RuleSettings> all = this.settings.findAll(account);
		Map<String, PlaylistMapping> mapped = new LinkedHashMap<>();
		this.mappings.findAll(account).forEach((mapping) -> mapped.put(mapping.slug(), mapping));
		return all.values()
			.stream()
			.map((ruleSettings) -> new PlaylistRuleView(ruleSettings.rule(), ruleSettings,
					Optional.ofNullable(mapped.get(ruleSettings.rule().slug()))
						.map(PlaylistMapping::toPublished)
						.orElse(null)))
			.toList();
	}

	/**
	 * The Spotify playlist of each of the account's smart playlists that has one, by slug
	 * (built-ins and rule playlists).
	 */
	public Map<String, PublishedPlaylist> published(AccountId account) {
		Map<String, PublishedPlaylist> published = new LinkedHashMap<>();
		this.mappings.findAll(account).forEach((mapping) -> published.put(mapping.slug(), mapping.toPublished()));
		return published;
	}

	public PlaylistRuleView rule(AccountId account, SmartPlaylistRule rule) {
		return new PlaylistRuleView(rule, this.settings.find(account, rule),
				this.mappings.find(account, rule.slug()).map(PlaylistMapping::toPublished).orElse(null));
	}

	/**
	 * What the rule selects now (count and first 50 tracks) and what its next push would
	 * add and remove.
	 */
	public PlaylistPreview preview(AccountId account, SmartPlaylistRule rule) {
		RuleSettings ruleSettings = this.settings.find(account, rule);
		PlaylistQueries.RuleSelection selection = this.queries.select(account, ruleSettings, this.clock.instant());
		List<String> desired = selection.trackIds();
		Optional<PlaylistMapping> mapping = this.mappings.find(account, rule.slug());

		List<String> toAdd;
		List<String> toRemove;
		int calls;
		if (mapping.isEmpty()) {
			toAdd = desired;
			toRemove = List.of();
			calls = 1 + PushPlan.between(List.of(), true, desired).calls().size();
		}
		else if (mapping.get().status() == MappingStatus.REMOVED) {
			toAdd = List.of();
			toRemove = List.of();
			calls = 0;
		}
		else {
			List<String> pushed = mapping.get().pushedTrackIds();
			toAdd = without(desired, pushed);
			toRemove = without(pushed, desired);
			calls = PushPlan.between(pushed, mapping.get().status() == MappingStatus.ACTIVE, desired).calls().size();
		}
		return new PlaylistPreview(ruleSettings, selection.matching(), desired.size(),
				this.summaries.of(first(desired)), toAdd.size(), this.summaries.of(first(toAdd)), toRemove.size(),
				this.summaries.of(first(toRemove)), calls, mapping.map(PlaylistMapping::toPublished).orElse(null));
	}

	/**
	 * Saves the rule's settings; they take effect at the next push.
	 * @param limit the most tracks, 1 to 10,000
	 * @param windowDays the day window, 1 to 3,650, for the rules that have one; null for
	 * the others
	 * @throws InvalidRuleSettingsException with a message per invalid field
	 */
	public RuleSettings updateSettings(AccountId account, SmartPlaylistRule rule, boolean enabled, Integer limit,
			Integer windowDays) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (limit == null) {
			errors.put("limit", "Enter how many tracks the playlist may hold, from 1 to 10,000.");
		}
		else if (limit < 1 || limit > SmartPlaylistRule.MAX_LIMIT) {
			errors.put("limit", "The limit must be from 1 to 10,000 tracks (a Spotify playlist holds 10,000 at most).");
		}
		if (rule.hasWindow()) {
			if (windowDays == null) {
				errors.put("windowDays", "Enter how many days " + rule.displayName() + " looks back, from 1 to 3,650.");
			}
			else if (windowDays < 1 || windowDays > SmartPlaylistRule.MAX_WINDOW_DAYS) {
				errors.put("windowDays", "The window must be from 1 to 3,650 days.");
			}
		}
		else if (windowDays != null) {
			errors.put("windowDays", rule.displayName() + " has no day window.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidRuleSettingsException(errors);
		}
		RuleSettings saved = new RuleSettings(rule, enabled, limit, rule.hasWindow() ? windowDays : null, false);
		this.settings.save(account, saved);
		return saved;
	}

	/**
	 * Keeps the track out of every smart playlist from the next push on.
	 * @param track a track id or {@code spotify:track:} URI
	 * @return false when it was already excluded
	 */
	public boolean exclude(AccountId account, String track) {
		boolean excluded = this.exclusions.exclude(account, trackId(track), this.clock.instant());
		if (excluded) {
			// the next push takes it out of the playlists
			this.due.mark(account);
		}
		return excluded;
	}

	/**
	 * Lets an excluded track back into the smart playlists.
	 * @return false when it was not excluded
	 */
	public boolean include(AccountId account, String track) {
		boolean included = this.exclusions.include(account, trackId(track));
		if (included) {
			this.due.mark(account);
		}
		return included;
	}

	/**
	 * The account's excluded tracks, the most recently excluded first.
	 */
	public List<ExcludedTrack> exclusions(AccountId account) {
		return this.exclusions.findAll(account);
	}

	/**
	 * The ids of the account's excluded tracks, for marking them in a list.
	 */
	@Override
	public Set<String> excludedTrackIds(AccountId account) {
		return this.exclusions.trackIds(account);
	}

	/**
	 * Makes the rule publish into a playlist the user owns, instead of the one we created
	 * (also to relink a playlist the user removed). Its contents are replaced at the next
	 * push.
	 * @param playlist the playlist's id, {@code spotify:playlist:} URI or
	 * open.spotify.com link
	 * @throws PlaylistActionException when the text is not a playlist, the playlist is
	 * not in the user's library, someone else owns it, or another rule uses it
	 */
	public PublishedPlaylist link(AccountId account, SmartPlaylistRule rule, String playlist) {
		return outsideARun(account, () -> linkNow(account, rule, playlist));
	}

	private PublishedPlaylist linkNow(AccountId account, SmartPlaylistRule rule, String playlist) {
		String playlistId = PlaylistReference.parse(playlist);
		Optional<PlaylistMapping> other = this.mappings.using(account, playlistId)
			.filter((using) -> !using.slug().equals(rule.slug()));
		if (other.isPresent()) {
			throw new PlaylistActionException("That playlist already holds " + other.get().name()
					+ ": pick another playlist, or let Spotify Tracker create one.");
		}
		PlaylistSummary found = findInLibrary(spotify(account), playlistId)
			.orElseThrow(() -> new PlaylistActionException("That playlist is not in your Spotify library: "
					+ "add it to Your Library in Spotify, or paste the link of another one."));
		String user = this.accounts.spotifyUserId(account);
		if (!Objects.equals(found.ownerId(), user)) {
			throw new PlaylistActionException("\"" + found.name() + "\" belongs to " + found.ownerId()
					+ ": only a playlist you own can be linked.");
		}
		this.mappings.saveLinked(account, rule.slug(), found.name(), found.id(), found.snapshotId(),
				this.clock.instant());
		return this.mappings.find(account, rule.slug()).orElseThrow().toPublished();
	}

	/**
	 * Creates a new playlist for the rule (after the user removed the old one, or to
	 * start over); the old playlist is left as it is. The next push fills it.
	 */
	public PublishedPlaylist recreate(AccountId account, SmartPlaylistRule rule) {
		return outsideARun(account, () -> recreateNow(account, rule));
	}

	private PublishedPlaylist recreateNow(AccountId account, SmartPlaylistRule rule) {
		RuleSettings ruleSettings = this.settings.find(account, rule);
		PlaylistSummary created = spotify(account).createPlaylist(rule.displayName(),
				rule.playlistDescription(ruleSettings), false);
		this.mappings.saveCreated(account, rule.slug(), rule.displayName(), created.id(), created.snapshotId(),
				this.clock.instant());
		return this.mappings.find(account, rule.slug()).orElseThrow().toPublished();
	}

	/**
	 * Pushes one rule now (enabled or not), creating its playlist when it has none. A
	 * playlist the user removed is left alone: recreate or relink it first.
	 * @return the outcome; {@link PublishOutcome#failed()} when a Spotify call failed
	 * (the playlist is then replaced in full at the next push)
	 */
	public PublishOutcome pushNow(AccountId account, SmartPlaylistRule rule) {
		return pushNow(account, rule.slug(), false).orElseThrow();
	}

	/**
	 * Pushes one smart playlist now by slug: a built-in (enabled or not) or a rule
	 * playlist. A rule playlist whose first result is empty is created only with
	 * {@code confirmEmpty}; otherwise the outcome
	 * {@linkplain PublishOutcome#awaitsConfirmation() awaits confirmation}.
	 * @return empty when the account has no such playlist
	 */
	public Optional<PublishOutcome> pushNow(AccountId account, String slug, boolean confirmEmpty) {
		return outsideARun(account, () -> this.targets.find(account, slug).map((target) -> {
			try {
				return this.publisher.publish(account, confirmEmpty ? target.confirmedEmpty() : target,
						spotify(account));
			}
			catch (PlaylistPublisher.PushFailedException ex) {
				return ex.outcome();
			}
		}));
	}

	/**
	 * Deletes one of the account's rule playlists. Its Spotify playlist is kept as it is
	 * (no longer updated), or with {@code unfollow} removed from the user's Spotify
	 * library first; when that call fails nothing is deleted.
	 * @throws RulePlaylistRefusedException for a built-in or an unknown slug
	 * @throws PlaylistActionException while a playlists run of the account goes on
	 * @throws dev.spotifytracker.spotify.SpotifyException when the unfollow failed
	 */
	public void deleteRulePlaylist(AccountId account, String slug, boolean unfollow) {
		outsideARun(account, () -> {
			// before any call: a built-in's playlist must not be unfollowed by a refused
			// delete
			RulePlaylists.refuseBuiltIn(slug);
			if (!this.rulePlaylists.exists(account, slug)) {
				throw new RulePlaylistRefusedException(RulePlaylistRefusedException.Reason.NOT_FOUND,
						"No rule playlist " + slug + ".");
			}
			Optional<PlaylistMapping> mapping = this.mappings.find(account, slug);
			if (unfollow && mapping.isPresent() && mapping.get().status() != MappingStatus.REMOVED) {
				spotify(account).removePlaylistFromLibrary(mapping.get().spotifyPlaylistId());
			}
			this.rulePlaylists.delete(account, slug);
			return Boolean.TRUE;
		});
	}

	/**
	 * Runs a playlist change the user asked for under the playlists jobs' lock.
	 * @throws PlaylistActionException while a playlists run of the account goes on
	 */
	private <T> T outsideARun(AccountId account, Supplier<T> change) {
		return this.locks.tryWhileHolding(PlaylistsJob.NAME, account, change)
			.orElseThrow(() -> new PlaylistActionException(
					"A playlists run of this account is going on: try again when it has ended."));
	}

	/**
	 * Calls made here, at the user's request, are not part of a job run.
	 */
	private SpotifyClient spotify(AccountId account) {
		return this.spotify.forAccount(account);
	}

	private static Optional<PlaylistSummary> findInLibrary(SpotifyClient client, String playlistId) {
		PlaylistSummary[] found = { null };
		UserPlaylists.visit(client, (playlist) -> {
			if (playlist.id().equals(playlistId)) {
				found[0] = playlist;
				return false;
			}
			return true;
		});
		return Optional.ofNullable(found[0]);
	}

	private static String trackId(String track) {
		String id = (track != null) ? track.strip() : "";
		if (id.startsWith("spotify:track:")) {
			id = id.substring("spotify:track:".length());
		}
		if (!TRACK_ID.matcher(id).matches()) {
			throw new PlaylistActionException("That is not a Spotify track id: " + track);
		}
		return id;
	}

	private static List<String> first(List<String> tracks) {
		return tracks.subList(0, Math.min(PlaylistPreview.SHOWN, tracks.size()));
	}

	private static List<String> without(List<String> from, List<String> excluded) {
		Set<String> skip = new HashSet<>(excluded);
		return from.stream().filter((track) -> !skip.contains(track)).toList();
	}

}
