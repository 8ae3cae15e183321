package dev.spotifytracker.job;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

import dev.spotifytracker.app.AccountId;

/**
 * Which log lines to list; a null criterion matches everything.
 *
 * @param accounts the accounts whose lines to show (the caller's accessible ones); empty
 * matches nothing
 * @param job lines of this job's runs only
 * @param levels lines of these levels only
 * @param text lines containing this text, ignoring case
 * @param from lines at or after this instant
 * @param to lines before this instant
 */
public record LogQuery(Collection<AccountId> accounts, String job, Set<LogLevel> levels, String text, Instant from,
		Instant to) {

	public static LogQuery forAccounts(Collection<AccountId> accounts) {
		return new LogQuery(accounts, null, null, null, null, null);
	}

}
