package dev.spotifytracker.spotify.fake;

import java.util.List;
import java.util.Map;

/**
 * What {@link LibraryGenerator} made for one user, before it joins the user's library.
 */
record GeneratedLibrary(List<SimSavedAlbum> savedAlbums, List<SimLikedTrack> likedTracks, List<SimPlay> plays,
		Map<String, SimAvailability> availability, List<Playlist> playlists) {

	record Playlist(String id, String name, List<String> uris) {

	}

}
