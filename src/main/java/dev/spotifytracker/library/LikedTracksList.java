package dev.spotifytracker.library;

import java.util.List;
import java.util.Set;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.Page;
import dev.spotifytracker.spotify.SavedTrack;
import dev.spotifytracker.spotify.SpotifyClient;
import dev.spotifytracker.spotify.Track;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The account's liked tracks ({@code liked_tracks}) with their availability.
 *
 * <p>
 * Relinking: Spotify may answer a liked track under another id (a version playable in the
 * market) with no {@code linked_from}. When a newly listed track has the ISRC and the
 * {@code added_at} of a stored like, it is the same like relinked: the old id's like goes
 * in the same step ({@link #beforeMerge}), so the count still matches and no full pass is
 * needed. The old track row stays while plays refer to it.
 */
@Component
class LikedTracksList implements SyncedList<SavedTrack> {

	static final int PAGE_SIZE = 50;

	private final CatalogCommits catalog;

	LikedTracksList(CatalogCommits catalog) {
		this.catalog = catalog;
	}

	@Override
	public String label() {
		return "liked tracks";
	}

	@Override
	public ListTable table() {
		return ListTable.LIKED_TRACKS;
	}

	@Override
	public Page<SavedTrack> fetch(SpotifyClient spotify, int offset) {
		return spotify.likedTracks(offset, PAGE_SIZE);
	}

	@Override
	public IncrementalPlan.Entry entry(SavedTrack item) {
		return new IncrementalPlan.Entry(item.track().id(), item.addedAt());
	}

	@Override
	public List<Track> storeCatalog(SpotifyClient spotify, List<SavedTrack> items, Set<String> alreadyListed,
			SyncMode mode) {
		List<Track> tracks = items.stream().map(SavedTrack::track).toList();
		this.catalog.saveTracks(tracks);
		return tracks;
	}

	/**
	 * Removes the likes that came back relinked: a staged track new to the list whose
	 * recording (ISRC) has another version liked at the same instant, which the pass did
	 * not read. The other versions are materialized first, a fence that keeps the plan
	 * from starting at the account's whole list.
	 */
	@Override
	public int beforeMerge(JdbcClient jdbc, AccountId account) {
		return jdbc
			.sql("""
					with other_versions as materialized (
					  select other_version.id, staged.added_at
					  from %1$s staged
					  join tracks relinked_track on relinked_track.id = staged.id
					  join tracks other_version on other_version.isrc = relinked_track.isrc and other_version.isrc is not null
					                           and other_version.id <> relinked_track.id
					  where not exists (select 1 from liked_tracks l where l.account_id = :account and l.track_id = staged.id)
					)
					delete from liked_tracks original using other_versions
					where original.account_id = :account and original.track_id = other_versions.id
					  and original.added_at = other_versions.added_at
					  and not exists (select 1 from %1$s s where s.id = original.track_id)
					"""
				.formatted(PassStaging.LISTED))
			.param("account", account.value())
			.update();
	}

}
