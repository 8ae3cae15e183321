package dev.spotifytracker.library;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.Page;
import dev.spotifytracker.spotify.SavedAlbum;
import dev.spotifytracker.spotify.SpotifyClient;
import dev.spotifytracker.spotify.Track;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The account's saved albums ({@code saved_albums}) and, through them, the tracks of each
 * saved album with their availability. Spotify embeds an album's first 50 tracks in the
 * page; the rest of a longer album is read with album-tracks pages, for a newly saved
 * album (and for every album on a reconcile, to refresh their availability).
 */
@Component
class SavedAlbumsList implements SyncedList<SavedAlbum> {

	static final int PAGE_SIZE = 50;

	private final JdbcClient jdbc;

	private final CatalogCommits catalog;

	private final AvailabilityRepository availability;

	private final Clock clock;

	SavedAlbumsList(JdbcClient jdbc, CatalogCommits catalog, AvailabilityRepository availability, Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.availability = availability;
		this.clock = clock;
	}

	@Override
	public String label() {
		return "saved albums";
	}

	@Override
	public Page<SavedAlbum> fetch(SpotifyClient spotify, int offset) {
		return spotify.savedAlbums(offset, PAGE_SIZE);
	}

	@Override
	public IncrementalPlan.Entry entry(SavedAlbum item) {
		return new IncrementalPlan.Entry(item.album().id(), item.addedAt());
	}

	@Override
	public Map<String, Instant> stored(AccountId account, Collection<String> ids) {
		return this.jdbc.sql("""
				select album_id, added_at from saved_albums where account_id = :account and album_id = any(:ids::text[])
				""")
			.param("account", account.value())
			.param("ids", SqlArrays.of(ids))
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	@Override
	public PageChanges write(AccountId account, SpotifyClient spotify, List<SavedAlbum> items,
			Set<String> alreadyListed, SyncMode mode) {
		if (items.isEmpty()) {
			return PageChanges.NONE;
		}
		List<CatalogWriter.AlbumTracks> albums = new ArrayList<>(items.size());
		List<Track> tracks = new ArrayList<>();
		for (SavedAlbum saved : items) {
			boolean readRest = mode == SyncMode.RECONCILE || !alreadyListed.contains(saved.album().id());
			List<Track> albumTracks = readRest ? allTracks(spotify, saved) : saved.tracks().items();
			albums.add(new CatalogWriter.AlbumTracks(saved.album(), albumTracks));
			tracks.addAll(albumTracks);
		}
		this.catalog.saveAlbums(albums);
		int listed = this.jdbc.sql("""
				insert into saved_albums (account_id, album_id, added_at)
				select :account, n.* from unnest(:ids::text[], :added::timestamptz[]) as n(id, added_at)
				where not exists (select 1 from saved_albums l
				                  where l.account_id = :account and l.album_id = n.id and l.added_at = n.added_at)
				on conflict (account_id, album_id) do update set added_at = excluded.added_at
				""")
			.param("account", account.value())
			.param("ids", SqlArrays.column(items, (saved) -> saved.album().id()))
			.param("added", SqlArrays.column(items, (saved) -> SqlArrays.instant(saved.addedAt())))
			.update();
		int changedAvailability = this.availability.observe(account, tracks, this.clock.instant());
		return new PageChanges(listed, changedAvailability);
	}

	private static List<Track> allTracks(SpotifyClient spotify, SavedAlbum saved) {
		Page<Track> page = saved.tracks();
		if (!page.hasNext()) {
			return page.items();
		}
		List<Track> tracks = new ArrayList<>(page.items());
		while (page.hasNext() && !page.items().isEmpty()) {
			page = spotify.albumTracks(saved.album().id(), page.offset() + page.items().size(), PAGE_SIZE);
			tracks.addAll(page.items());
		}
		return tracks;
	}

	@Override
	public int count(AccountId account) {
		return this.jdbc.sql("select count(*) from saved_albums where account_id = ?")
			.param(account.value())
			.query(Integer.class)
			.single();
	}

	@Override
	public int missingFrom(AccountId account, SeenIds seen, Instant oldest) {
		return this.jdbc.sql("""
				select count(*) from saved_albums s
				where s.account_id = :account and s.added_at > :oldest
				  and not exists (select 1 from %s seen where seen.id = s.album_id)
				""".formatted(SeenIds.TABLE))
			.param("account", account.value())
			.param("oldest", Timestamp.from(oldest))
			.query(Integer.class)
			.single();
	}

	@Override
	public int removeAllBut(AccountId account, SeenIds seen) {
		return this.jdbc.sql("""
				delete from saved_albums s
				where s.account_id = :account and not exists (select 1 from %s seen where seen.id = s.album_id)
				""".formatted(SeenIds.TABLE)).param("account", account.value()).update();
	}

}
