package dev.spotifytracker.ownershipfixture.library;

/**
 * A planted fault for {@code TableOwnershipTest}: module "library" naming a table of
 * module "playlist" (a comment naming "from playlist_mappings" does not count).
 */
final class PlantedQuery {

	static final String OWN = "select count(*) from tracks";

	static final String FOREIGN = """
			select count(*) from playlist_mappings where account_id = ?
			""";

	private PlantedQuery() {
	}

}
