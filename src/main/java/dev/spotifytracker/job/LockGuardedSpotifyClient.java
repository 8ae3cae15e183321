package dev.spotifytracker.job;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import dev.spotifytracker.spotify.Page;
import dev.spotifytracker.spotify.PlayedTrack;
import dev.spotifytracker.spotify.PlaylistItem;
import dev.spotifytracker.spotify.PlaylistSummary;
import dev.spotifytracker.spotify.SavedAlbum;
import dev.spotifytracker.spotify.SavedTrack;
import dev.spotifytracker.spotify.SpotifyClient;
import dev.spotifytracker.spotify.SpotifyUser;
import dev.spotifytracker.spotify.Track;

/**
 * A run's Spotify client that stops the run once its lock is lost: before a read when
 * this instance knows it (no database call), and before every write after asking the
 * database, because a write sent by two runs at once is sent twice (a positional insert
 * into a playlist lands twice).
 */
final class LockGuardedSpotifyClient implements SpotifyClient {

	private final SpotifyClient spotify;

	private final KeptLock lock;

	LockGuardedSpotifyClient(SpotifyClient spotify, KeptLock lock) {
		this.spotify = spotify;
		this.lock = lock;
	}

	private <T> T read(Supplier<T> call) {
		this.lock.ensureHeldLocally();
		return call.get();
	}

	private <T> T write(Supplier<T> call) {
		this.lock.ensureHeld();
		return call.get();
	}

	@Override
	public SpotifyUser currentUser() {
		return read(this.spotify::currentUser);
	}

	@Override
	public Page<SavedAlbum> savedAlbums(int offset, int limit) {
		return read(() -> this.spotify.savedAlbums(offset, limit));
	}

	@Override
	public Page<Track> albumTracks(String albumId, int offset, int limit) {
		return read(() -> this.spotify.albumTracks(albumId, offset, limit));
	}

	@Override
	public Page<SavedTrack> likedTracks(int offset, int limit) {
		return read(() -> this.spotify.likedTracks(offset, limit));
	}

	@Override
	public Track track(String trackId) {
		return read(() -> this.spotify.track(trackId));
	}

	@Override
	public List<PlayedTrack> recentlyPlayed(Instant after, int limit) {
		return read(() -> this.spotify.recentlyPlayed(after, limit));
	}

	@Override
	public Page<PlaylistSummary> myPlaylists(int offset, int limit) {
		return read(() -> this.spotify.myPlaylists(offset, limit));
	}

	@Override
	public PlaylistSummary createPlaylist(String name, String description, boolean isPublic) {
		return write(() -> this.spotify.createPlaylist(name, description, isPublic));
	}

	@Override
	public Page<PlaylistItem> playlistItems(String playlistId, int offset, int limit) {
		return read(() -> this.spotify.playlistItems(playlistId, offset, limit));
	}

	@Override
	public String replacePlaylistItems(String playlistId, List<String> uris) {
		return write(() -> this.spotify.replacePlaylistItems(playlistId, uris));
	}

	@Override
	public String addPlaylistItems(String playlistId, List<String> uris, Integer position) {
		return write(() -> this.spotify.addPlaylistItems(playlistId, uris, position));
	}

	@Override
	public String removePlaylistItems(String playlistId, List<String> uris) {
		return write(() -> this.spotify.removePlaylistItems(playlistId, uris));
	}

	@Override
	public void removePlaylistFromLibrary(String playlistId) {
		write(() -> {
			this.spotify.removePlaylistFromLibrary(playlistId);
			return null;
		});
	}

}
