package dev.spotifytracker.plays;

import dev.spotifytracker.account.Account;
import dev.spotifytracker.account.AccountChoice;
import dev.spotifytracker.account.AccountService;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Which account an API request of this module is about (DESIGN.md): the one
 * {@code account} names when the caller may see it, else the caller's own, or the owner's
 * for the API token.
 */
@Component
class ApiAccounts {

	private final AccountChoice choice;

	private final AccountService accounts;

	ApiAccounts(AccountChoice choice, AccountService accounts) {
		this.choice = choice;
		this.accounts = accounts;
	}

	/**
	 * @throws AccessDeniedException when the caller may not see the account
	 */
	Account resolve(Authentication caller, String account) {
		if (account == null || account.isBlank()) {
			return this.accounts.current(caller)
				.or(() -> this.accounts.accessible(caller).stream().filter(Account::isOwner).findFirst())
				.orElseThrow(() -> new AccessDeniedException("No account"));
		}
		return this.choice.choose(caller, account);
	}

}
