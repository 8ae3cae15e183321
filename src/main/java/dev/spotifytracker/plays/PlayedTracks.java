package dev.spotifytracker.plays;

import java.util.Collection;
import java.util.Set;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.library.CatalogReferences;

import org.springframework.stereotype.Component;

/**
 * Tells the library which catalog tracks plays refer to: those stay in the catalog after
 * they left every library, and their page stays visible to whoever played them.
 */
@Component
class PlayedTracks implements CatalogReferences {

	private final PlayRepository plays;

	PlayedTracks(PlayRepository plays) {
		this.plays = plays;
	}

	@Override
	public Set<String> stillReferenced(Collection<String> trackIds) {
		return this.plays.playedAmong(trackIds);
	}

	@Override
	public boolean refersTo(AccountId account, String trackId) {
		return this.plays.played(account, trackId);
	}

}
