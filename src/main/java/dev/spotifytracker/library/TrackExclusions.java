package dev.spotifytracker.library;

import java.util.Set;

import dev.spotifytracker.app.AccountId;

/**
 * Which tracks an account keeps out of its smart playlists, so the library's pages can
 * show (and toggle) it. Implemented by the playlist module.
 */
public interface TrackExclusions {

	Set<String> excludedTrackIds(AccountId account);

}
