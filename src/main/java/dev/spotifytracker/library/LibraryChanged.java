package dev.spotifytracker.library;

import dev.spotifytracker.app.AccountId;

/**
 * Published when a sync changed an account's library (entries added, removed or re-dated,
 * or availability changed), after the change is committed. Whatever is built from the
 * library (the smart playlists) is due again.
 *
 * @param changes how many rows changed
 */
public record LibraryChanged(AccountId account, int changes) {

}
