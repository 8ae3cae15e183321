package dev.spotifytracker.spotify;

import java.time.Instant;
import java.util.List;

/**
 * Spotify for one account: exactly the operations the product needs, each one call
 * (retries on 429, 5xx and I/O aside). List calls that carry tracks send
 * {@code market=from_token} so each track says whether it plays. Limits are Spotify's: at
 * most 50 per read, 100 per write; a limit, offset, uri list or id outside them throws
 * {@link IllegalArgumentException} before anything is sent.
 *
 * <p>
 * Every operation may throw {@link SpotifyAccountOnHoldException} (rate limit or quota:
 * the account's "not before" is stored), {@link SpotifySignInRequiredException} (the
 * refresh token was refused) or {@link SpotifyRequestException} (any other failure).
 */
public interface SpotifyClient {

	/**
	 * The most items one read returns ({@code limit}).
	 */
	int MAX_PAGE_SIZE = 50;

	/**
	 * The most uris one playlist write takes; a longer list needs several calls (a full
	 * replace: replace with the first 100, then add the rest in order).
	 */
	int MAX_WRITE_URIS = 100;

	SpotifyUser currentUser();

	Page<SavedAlbum> savedAlbums(int offset, int limit);

	Page<Track> albumTracks(String albumId, int offset, int limit);

	Page<SavedTrack> likedTracks(int offset, int limit);

	Track track(String trackId);

	/**
	 * The plays after {@code after} (exclusive), newest first; Spotify only ever reaches
	 * the newest 50.
	 * @param after null for the newest 50
	 */
	List<PlayedTrack> recentlyPlayed(Instant after, int limit);

	Page<PlaylistSummary> myPlaylists(int offset, int limit);

	PlaylistSummary createPlaylist(String name, String description, boolean isPublic);

	Page<PlaylistItem> playlistItems(String playlistId, int offset, int limit);

	/**
	 * @return the playlist's new snapshot id
	 */
	String replacePlaylistItems(String playlistId, List<String> uris);

	/**
	 * @param position where to insert, or null to append
	 * @return the playlist's new snapshot id
	 */
	String addPlaylistItems(String playlistId, List<String> uris, Integer position);

	/**
	 * Removes every occurrence of each uri.
	 * @return the playlist's new snapshot id
	 */
	String removePlaylistItems(String playlistId, List<String> uris);

	/**
	 * Removes the playlist from the user's library (for a playlist of the user's own, as
	 * near to deleting it as Spotify allows): {@code DELETE /v1/me/library}.
	 */
	void removePlaylistFromLibrary(String playlistId);

}
