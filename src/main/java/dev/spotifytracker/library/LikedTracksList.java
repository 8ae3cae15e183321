package dev.spotifytracker.library;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
 * in the same step, so the count still matches and no full pass is needed. The old track
 * row stays while plays refer to it.
 */
@Component
class LikedTracksList implements SyncedList<SavedTrack> {

	static final int PAGE_SIZE = 50;

	private final JdbcClient jdbc;

	private final CatalogCommits catalog;

	private final AvailabilityRepository availability;

	private final Clock clock;

	LikedTracksList(JdbcClient jdbc, CatalogCommits catalog, AvailabilityRepository availability, Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.availability = availability;
		this.clock = clock;
	}

	@Override
	public String label() {
		return "liked tracks";
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
	public Map<String, Instant> stored(AccountId account, Collection<String> ids) {
		return this.jdbc.sql("""
				select track_id, added_at from liked_tracks where account_id = :account and track_id = any(:ids::text[])
				""")
			.param("account", account.value())
			.param("ids", SqlArrays.of(ids))
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	@Override
	public PageChanges write(AccountId account, SpotifyClient spotify, List<SavedTrack> items,
			Set<String> alreadyListed, SyncMode mode) {
		if (items.isEmpty()) {
			return PageChanges.NONE;
		}
		List<Track> tracks = items.stream().map(SavedTrack::track).toList();
		this.catalog.saveTracks(tracks);
		int listed = this.jdbc.sql("""
				insert into liked_tracks (account_id, track_id, added_at)
				select :account, n.* from unnest(:ids::text[], :added::timestamptz[]) as n(id, added_at)
				where not exists (select 1 from liked_tracks l
				                  where l.account_id = :account and l.track_id = n.id and l.added_at = n.added_at)
				on conflict (account_id, track_id) do update set added_at = excluded.added_at
				""")
			.param("account", account.value())
			.param("ids", SqlArrays.column(items, (liked) -> liked.track().id()))
			.param("added", SqlArrays.column(items, (liked) -> SqlArrays.instant(liked.addedAt())))
			.update();
		List<SavedTrack> newlyListed = items.stream()
			.filter((liked) -> !alreadyListed.contains(liked.track().id()))
			.toList();
		if (!newlyListed.isEmpty()) {
			listed += removeRelinkedOriginals(account, newlyListed, tracks.stream().map(Track::id).toList());
		}
		int changedAvailability = this.availability.observe(account, tracks, this.clock.instant());
		return new PageChanges(listed, changedAvailability);
	}

	/**
	 * From the few new likes to the other versions of their recordings (the ISRC index),
	 * then to a like of one of those with the same added_at. Materializing the other
	 * versions first keeps any plan from starting at the account's whole list (whose
	 * statistics lag while a first sync fills it).
	 */
	private int removeRelinkedOriginals(AccountId account, List<SavedTrack> newlyListed, List<String> onPage) {
		return this.jdbc
			.sql("""
					with other_versions as materialized (
					  select other_version.id, relinked.added_at
					  from unnest(:new::text[], :added::timestamptz[]) as relinked(track_id, added_at)
					  join tracks relinked_track on relinked_track.id = relinked.track_id
					  join tracks other_version on other_version.isrc = relinked_track.isrc and other_version.isrc is not null
					                           and other_version.id <> relinked_track.id
					)
					delete from liked_tracks original using other_versions
					where original.account_id = :account and original.track_id = other_versions.id
					  and original.added_at = other_versions.added_at and original.track_id <> all(:page::text[])
					""")
			.param("account", account.value())
			.param("new", SqlArrays.column(newlyListed, (liked) -> liked.track().id()))
			.param("added", SqlArrays.column(newlyListed, (liked) -> SqlArrays.instant(liked.addedAt())))
			.param("page", SqlArrays.of(onPage))
			.update();
	}

	@Override
	public int count(AccountId account) {
		return this.jdbc.sql("select count(*) from liked_tracks where account_id = ?")
			.param(account.value())
			.query(Integer.class)
			.single();
	}

	@Override
	public int missingFrom(AccountId account, SeenIds seen, Instant oldest) {
		return this.jdbc.sql("""
				select count(*) from liked_tracks l
				where l.account_id = :account and l.added_at > :oldest
				  and not exists (select 1 from %s seen where seen.id = l.track_id)
				""".formatted(SeenIds.TABLE))
			.param("account", account.value())
			.param("oldest", Timestamp.from(oldest))
			.query(Integer.class)
			.single();
	}

	@Override
	public int removeAllBut(AccountId account, SeenIds seen) {
		return this.jdbc.sql("""
				delete from liked_tracks l
				where l.account_id = :account and not exists (select 1 from %s seen where seen.id = l.track_id)
				""".formatted(SeenIds.TABLE)).param("account", account.value()).update();
	}

}
