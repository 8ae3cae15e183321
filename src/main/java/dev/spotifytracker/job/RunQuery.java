package dev.spotifytracker.job;

import java.util.Collection;

import dev.spotifytracker.app.AccountId;

/**
 * Which runs to list; a null criterion matches everything.
 *
 * @param accounts the accounts whose runs to show (the caller's accessible ones); empty
 * matches nothing
 */
public record RunQuery(Collection<AccountId> accounts, String job, RunStatus status) {

	public static RunQuery forAccounts(Collection<AccountId> accounts) {
		return new RunQuery(accounts, null, null);
	}

}
