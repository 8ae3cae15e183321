package dev.spotifytracker.library;

/**
 * A track known only from a streaming-history export: its Spotify id and the names the
 * export gives, no Spotify call made. Stored as an ordinary catalog row whose album and
 * artist carry synthetic ids ({@link #STUB_PREFIX}), so every read model shows it under
 * the export's names until an enrichment fills in the real ones.
 *
 * @param trackId the Spotify track id (not the URI)
 * @param trackName the track's name, or null when the export has none
 * @param albumName the album's name, or null
 * @param artistName the album artist's name, or null
 */
public record TrackStub(String trackId, String trackName, String albumName, String artistName) {

	/** How the ids of stub albums and artists begin; a Spotify id never has a colon. */
	public static final String STUB_PREFIX = "stub:";

}
