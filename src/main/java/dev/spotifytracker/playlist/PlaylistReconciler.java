package dev.spotifytracker.playlist;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.PlaylistSummary;
import dev.spotifytracker.spotify.SpotifyClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The daily snapshot check: reads the user's playlists ({@code /v1/me/playlists}, 50 per
 * call) and compares each mapped playlist with what we know. One whose snapshot changed
 * was edited in Spotify: it is marked {@code incomplete}, so the next push replaces its
 * contents. One no longer in the list was removed by the user: it is marked
 * {@code removed} and left alone until the user recreates or relinks it.
 */
@Component
class PlaylistReconciler {

	private static final Logger log = LoggerFactory.getLogger(PlaylistReconciler.class);

	private final PlaylistMappingRepository mappings;

	PlaylistReconciler(PlaylistMappingRepository mappings) {
		this.mappings = mappings;
	}

	ReconcileOutcome reconcile(AccountId account, SpotifyClient spotify) {
		List<PlaylistMapping> watched = this.mappings.findAll(account)
			.stream()
			.filter((mapping) -> mapping.status() != MappingStatus.REMOVED)
			.toList();
		if (watched.isEmpty()) {
			return new ReconcileOutcome(0, 0, 0, 0);
		}
		Map<String, PlaylistSummary> playlists = new HashMap<>();
		int calls = UserPlaylists.visit(spotify, (playlist) -> {
			playlists.put(playlist.id(), playlist);
			return true;
		});

		int edited = 0;
		int removed = 0;
		for (PlaylistMapping mapping : watched) {
			PlaylistSummary playlist = playlists.get(mapping.spotifyPlaylistId());
			if (playlist == null) {
				this.mappings.markRemoved(account, mapping.slug());
				removed++;
				log.info("Account {}: playlist {} of {} is no longer in the user's library; left alone", account,
						mapping.spotifyPlaylistId(), mapping.slug());
			}
			else if (mapping.status() == MappingStatus.ACTIVE
					&& !Objects.equals(playlist.snapshotId(), mapping.snapshotId())) {
				this.mappings.markIncomplete(account, mapping.slug());
				edited++;
				log.info("Account {}: playlist {} of {} changed in Spotify; its next push replaces it", account,
						mapping.spotifyPlaylistId(), mapping.slug());
			}
		}
		return new ReconcileOutcome(watched.size(), edited, removed, calls);
	}

	/**
	 * @param checked mapped playlists compared
	 * @param edited changed in Spotify since our last push (now incomplete)
	 * @param removed no longer in the user's library (now removed)
	 * @param calls Spotify calls made
	 */
	record ReconcileOutcome(int checked, int edited, int removed, int calls) {

		Map<String, Object> toDetail() {
			return Map.of("checked", this.checked, "edited", this.edited, "removed", this.removed, "calls", this.calls);
		}

	}

}
