package dev.spotifytracker.plays;

import dev.spotifytracker.app.AccountId;

/**
 * Published inside the transaction that stored new plays of an account, so a listener's
 * writes commit (or roll back) with them. Whatever counts plays (the smart playlists) is
 * due again.
 *
 * @param added how many plays were stored
 */
public record PlaysStored(AccountId account, int added) {

}
