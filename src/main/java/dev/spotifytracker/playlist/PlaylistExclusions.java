package dev.spotifytracker.playlist;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.spotifytracker.app.AccountId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tracks, albums and artists kept out of every smart playlist or of one (built-in or rule
 * playlist), as the pages exclude and let them back in. A change marks the account's
 * playlists due, so the next push removes (or brings back) the tracks on Spotify. The
 * rules' own {@code exclude} lists (RULES.md) are part of their documents and stay there.
 */
@Service
class PlaylistExclusions {

	private static final Pattern SPOTIFY_ID = Pattern.compile("[0-9A-Za-z]{22}");

	private static final List<String> KINDS = List.of("track", "album", "artist");

	private final ExcludedTrackRepository tracks;

	private final PlaylistExclusionRepository exclusions;

	private final RulePlaylists playlists;

	private final PlaylistsDue due;

	private final Clock clock;

	PlaylistExclusions(ExcludedTrackRepository tracks, PlaylistExclusionRepository exclusions, RulePlaylists playlists,
			PlaylistsDue due, Clock clock) {
		this.tracks = tracks;
		this.exclusions = exclusions;
		this.playlists = playlists;
		this.due = due;
		this.clock = clock;
	}

	/**
	 * Keeps the thing out from the next push on.
	 * @param kind {@code track}, {@code album} or {@code artist}
	 * @param id its Spotify id (or {@code spotify:<kind>:} URI)
	 * @param scope a playlist's slug, or {@link PlaylistExclusion#EVERY_PLAYLIST}
	 * @return what is now excluded
	 * @throws PlaylistActionException (a sentence for the user) when the kind, the id or
	 * the scope is unknown, or the account's library and plays do not hold the thing
	 */
	@Transactional
	PlaylistExclusion exclude(AccountId account, String kind, String id, String scope) {
		Target target = target(account, kind, id, scope);
		if (!this.exclusions.isKnown(account, target.kind(), target.id())) {
			throw new PlaylistActionException(
					"Your library and plays hold no " + target.kind() + " with the id " + target.id() + ".");
		}
		if (target.kind().equals("track") && target.playlist() == null) {
			this.tracks.exclude(account, target.id(), this.clock.instant());
		}
		else {
			this.exclusions.exclude(account, target.kind(), target.id(), target.playlist(), this.clock.instant());
		}
		this.due.mark(account);
		return named(account, target);
	}

	/**
	 * Lets the thing back in where it was kept out.
	 * @return what was excluded, or the same with no name when it was not
	 * @throws PlaylistActionException when the kind, the id or the scope is unknown
	 */
	@Transactional
	PlaylistExclusion include(AccountId account, String kind, String id, String scope) {
		Target target = target(account, kind, id, scope);
		PlaylistExclusion named = named(account, target);
		boolean removed = (target.kind().equals("track") && target.playlist() == null)
				? this.tracks.include(account, target.id())
				: this.exclusions.include(account, target.kind(), target.id(), target.playlist());
		if (removed) {
			this.due.mark(account);
		}
		return named;
	}

	/**
	 * Every exclusion of the account, the most recent first: albums and artists, and what
	 * is kept out of one playlist (the tracks kept out of every playlist are
	 * {@link PlaylistService#exclusions}').
	 */
	List<PlaylistExclusion> list(AccountId account) {
		Map<String, String> names = playlistNames(account);
		return this.exclusions.findAll(account)
			.stream()
			.map((found) -> withPlaylistName(found, names))
			.sorted(Comparator.comparing(PlaylistExclusion::excludedAt).reversed())
			.toList();
	}

	/** The exclusions of one playlist (not those of every playlist). */
	List<PlaylistExclusion> of(AccountId account, String slug) {
		List<PlaylistExclusion> own = new ArrayList<>();
		list(account).stream().filter((found) -> slug.equals(found.playlist())).forEach(own::add);
		return own;
	}

	private PlaylistExclusion named(AccountId account, Target target) {
		Map<String, String> names = playlistNames(account);
		String name = this.exclusions.name(target.kind(), target.id());
		return new PlaylistExclusion(target.kind(), target.id(), target.playlist(),
				(target.playlist() != null) ? names.get(target.playlist()) : null, name, this.clock.instant());
	}

	private static PlaylistExclusion withPlaylistName(PlaylistExclusion found, Map<String, String> names) {
		return (found.playlist() == null) ? found : new PlaylistExclusion(found.kind(), found.spotifyId(),
				found.playlist(), names.get(found.playlist()), found.name(), found.excludedAt());
	}

	private Map<String, String> playlistNames(AccountId account) {
		return this.playlists.list(account)
			.stream()
			.collect(Collectors.toMap(RulePlaylistView::slug, RulePlaylistView::name, (a, b) -> a));
	}

	private Target target(AccountId account, String kind, String id, String scope) {
		String checkedKind = (kind != null) ? kind.strip() : "";
		if (!KINDS.contains(checkedKind)) {
			throw new PlaylistActionException("Exclude a track, an album or an artist, not \u201c" + kind + "\u201d.");
		}
		String checkedId = (id != null) ? id.strip() : "";
		if (checkedId.startsWith("spotify:" + checkedKind + ":")) {
			checkedId = checkedId.substring(("spotify:" + checkedKind + ":").length());
		}
		if (!SPOTIFY_ID.matcher(checkedId).matches()) {
			throw new PlaylistActionException("That is not a Spotify " + checkedKind + " id: " + id);
		}
		String checkedScope = (scope != null) ? scope.strip() : "";
		String playlist = null;
		if (!checkedScope.equals(PlaylistExclusion.EVERY_PLAYLIST)) {
			if (checkedScope.isEmpty() || this.playlists.find(account, checkedScope).isEmpty()) {
				throw new PlaylistActionException(
						"There is no smart playlist \u201c" + scope + "\u201d: choose one of yours or every playlist.");
			}
			playlist = checkedScope;
		}
		return new Target(checkedKind, checkedId, playlist);
	}

	private record Target(String kind, String id, String playlist) {

	}

}
