package dev.spotifytracker.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.spotifytracker.spotify.Page;
import dev.spotifytracker.spotify.SavedAlbum;
import dev.spotifytracker.spotify.SpotifyClient;
import dev.spotifytracker.spotify.Track;

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

	private final CatalogCommits catalog;

	SavedAlbumsList(CatalogCommits catalog) {
		this.catalog = catalog;
	}

	@Override
	public String label() {
		return "saved albums";
	}

	@Override
	public ListTable table() {
		return ListTable.SAVED_ALBUMS;
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
	public List<Track> storeCatalog(SpotifyClient spotify, List<SavedAlbum> items, Set<String> alreadyListed,
			SyncMode mode) {
		List<CatalogWriter.AlbumTracks> albums = new ArrayList<>(items.size());
		List<Track> tracks = new ArrayList<>();
		for (SavedAlbum saved : items) {
			boolean readRest = mode == SyncMode.RECONCILE || !alreadyListed.contains(saved.album().id());
			List<Track> albumTracks = readRest ? allTracks(spotify, saved) : saved.tracks().items();
			albums.add(new CatalogWriter.AlbumTracks(saved.album(), albumTracks));
			tracks.addAll(albumTracks);
		}
		this.catalog.saveAlbums(albums);
		return tracks;
	}

	private static List<Track> allTracks(SpotifyClient spotify, SavedAlbum saved) {
		Page<Track> page = saved.tracks();
		if (!page.hasNext()) {
			return page.items();
		}
		List<Track> tracks = new ArrayList<>(page.items());
		int offset = page.nextOffset();
		do {
			page = spotify.albumTracks(saved.album().id(), offset, PAGE_SIZE);
			tracks.addAll(page.items());
			offset += page.entries();
		}
		while (page.continues());
		return tracks;
	}

}
