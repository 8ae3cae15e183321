package dev.spotifytracker.library;

import java.util.Collection;
import java.util.Set;

import dev.spotifytracker.app.AccountId;

/**
 * What outside the library still refers to catalog tracks: a played track stays in the
 * catalog after it left every library (plays are never deleted), and its page stays
 * visible to whoever played it. Implemented by the modules whose rows refer to tracks.
 */
public interface CatalogReferences {

	/**
	 * Asked inside the catalog cleanup's transaction, while no catalog write can begin.
	 * @return those of the track ids something still refers to
	 */
	Set<String> stillReferenced(Collection<String> trackIds);

	/**
	 * @return whether the account has something of the track outside its library (a play)
	 */
	boolean refersTo(AccountId account, String trackId);

}
