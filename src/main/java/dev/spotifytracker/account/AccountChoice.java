package dev.spotifytracker.account;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Which account a page shows: the one its {@code account} parameter names (a Spotify user
 * id) when the viewer may see it, else the viewer's own. A member may see only their own
 * account; the owner may see every account.
 */
@Component
public class AccountChoice {

	private final AccountService accounts;

	AccountChoice(AccountService accounts) {
		this.accounts = accounts;
	}

	/**
	 * @param spotifyUserId the {@code account} parameter, or null
	 * @throws AccessDeniedException when the viewer may not see that account (or it does
	 * not exist: a member learns nothing about other accounts)
	 */
	public Account choose(Authentication caller, String spotifyUserId) {
		if (spotifyUserId == null || spotifyUserId.isBlank()) {
			return this.accounts.current(caller).orElseThrow(() -> new AccessDeniedException("No account"));
		}
		Account named = this.accounts.findBySpotifyUserId(spotifyUserId.strip())
			.orElseThrow(() -> new AccessDeniedException("No such account"));
		return this.accounts.requireAccess(caller, named.id());
	}

	/**
	 * Chooses the account and adds it ({@code account}) and the accounts the viewer may
	 * switch to ({@code accounts}) to the page.
	 */
	public Account choose(Authentication caller, String spotifyUserId, Model model) {
		Account account = choose(caller, spotifyUserId);
		List<Account> accessible = this.accounts.accessible(caller);
		model.addAttribute("account", account);
		model.addAttribute("accounts", accessible);
		return account;
	}

}
