package dev.spotifytracker.account;

import dev.spotifytracker.app.AccountId;

/**
 * Published inside the transaction that changed an account's time zone: whatever is kept
 * per local day (the play rollups) must be rebuilt in the same transaction.
 */
public record AccountTimeZoneChanged(AccountId account) {

}
