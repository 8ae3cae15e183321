package dev.spotifytracker.account;

import java.util.List;
import java.util.Optional;

import dev.spotifytracker.app.AccountId;

import org.springframework.security.core.Authentication;

/**
 * What the runner needs to know about accounts. Implemented by the account module.
 */
public interface JobAccounts {

	/**
	 * The accounts the schedules run jobs for.
	 */
	List<AccountId> scheduled();

	Optional<AccountId> bySpotifyUserId(String spotifyUserId);

	String spotifyUserId(AccountId account);

	/**
	 * Why the account's jobs cannot run now (it must sign in again, or Spotify asked to
	 * wait), or empty when they can.
	 */
	Optional<String> whyNotRunnable(AccountId account);

	/**
	 * The accounts whose jobs and runs this caller may start and read: a member its own,
	 * the owner and the job API's token every account.
	 */
	List<AccountId> accessibleTo(Authentication caller);

}
