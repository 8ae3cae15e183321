package dev.spotifytracker.library;

import java.util.Collection;
import java.util.Map;

import dev.spotifytracker.app.AccountId;

/**
 * How often and when an account played tracks, for the library's pages. The library does
 * not keep plays: the module that does answers (a plays module's bean implements this).
 */
public interface TrackPlayFigures {

	/**
	 * @return the figures of the played ones among these tracks; a track never played is
	 * absent
	 */
	Map<String, TrackPlays> forTracks(AccountId account, Collection<String> trackIds);

}
