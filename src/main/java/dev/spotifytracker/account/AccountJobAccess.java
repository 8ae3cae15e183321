package dev.spotifytracker.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.spotifytracker.app.AccountId;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Tells the job runner which accounts exist, which may run now, and who may start whose
 * jobs.
 */
@Component
class AccountJobAccess implements JobAccounts {

	/** The authority of a caller that presented the job API's bearer token. */
	static final String API_AUTHORITY = "ROLE_API";

	private final AccountRepository accounts;

	private final Clock clock;

	private final SignInPolicy policy;

	AccountJobAccess(AccountRepository accounts, Clock clock, SignInPolicy policy) {
		this.accounts = accounts;
		this.clock = clock;
		this.policy = policy;
	}

	@Override
	public List<AccountId> scheduled() {
		return this.accounts.findAll()
			.stream()
			.filter(Account::hasRefreshToken)
			.filter(this.policy::allows)
			.map(Account::id)
			.toList();
	}

	@Override
	public Optional<AccountId> bySpotifyUserId(String spotifyUserId) {
		return this.accounts.findBySpotifyUserId(spotifyUserId).map(Account::id);
	}

	@Override
	public String spotifyUserId(AccountId account) {
		return this.accounts.findById(account).map(Account::spotifyUserId).orElse(null);
	}

	@Override
	public Optional<String> whyNotRunnable(AccountId account) {
		Optional<Account> found = this.accounts.findById(account);
		if (found.isEmpty()) {
			return Optional.of("the account no longer exists");
		}
		Account current = found.get();
		if (!this.policy.allows(current)) {
			return Optional.of(current.spotifyUserId() + " is no longer allowed to use this service");
		}
		if (current.needsSignIn() || !current.hasRefreshToken()) {
			return Optional.of(current.spotifyUserId() + " must sign in again");
		}
		Instant now = this.clock.instant();
		if (current.notBefore() != null && current.notBefore().isAfter(now)) {
			return Optional
				.of("Spotify asked to wait until " + current.notBefore() + " (" + current.notBeforeReason() + ")");
		}
		return Optional.empty();
	}

	@Override
	public List<AccountId> accessibleTo(Authentication caller) {
		if (caller == null || !caller.isAuthenticated()) {
			return List.of();
		}
		boolean apiToken = caller.getAuthorities()
			.stream()
			.anyMatch((authority) -> API_AUTHORITY.equals(authority.getAuthority()));
		if (apiToken) {
			return this.accounts.findAll().stream().map(Account::id).toList();
		}
		return this.accounts.findBySpotifyUserId(caller.getName())
			.filter(this.policy::allows)
			.map((account) -> account.isOwner() ? this.accounts.findAll().stream().map(Account::id).toList()
					: List.of(account.id()))
			.orElse(List.of());
	}

}
