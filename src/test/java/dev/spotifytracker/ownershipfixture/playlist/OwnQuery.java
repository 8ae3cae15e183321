package dev.spotifytracker.ownershipfixture.playlist;

/**
 * Module "playlist" of the fixture: its own table and a read model of the library, which
 * it may depend on (no package-info: any module).
 */
final class OwnQuery {

	static final String OWN = "select slug from playlist_mappings join library_tracks using (account_id)";

	private OwnQuery() {
	}

}
