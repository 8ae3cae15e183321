package dev.spotifytracker.account;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in person's account into every page as {@code viewer} (null when signed
 * out), for the shared layout.
 */
@ControllerAdvice
class ViewerAdvice {

	private final AccountService accounts;

	ViewerAdvice(AccountService accounts) {
		this.accounts = accounts;
	}

	@ModelAttribute("viewer")
	Account viewer(Authentication authentication) {
		return this.accounts.current(authentication).orElse(null);
	}

}
