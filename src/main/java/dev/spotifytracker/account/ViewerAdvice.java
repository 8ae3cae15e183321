package dev.spotifytracker.account;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the viewer into every page: the signed-in person's account as {@code viewer} (null
 * when signed out) and the page's date formatting in the viewer's time zone as
 * {@code dates}, which a controller may also take as a parameter
 * ({@code @ModelAttribute(name = "dates", binding = false) DateDisplay dates}).
 */
@ControllerAdvice
class ViewerAdvice {

	private final AccountService accounts;

	private final DisplayZones zones;

	ViewerAdvice(AccountService accounts, DisplayZones zones) {
		this.accounts = accounts;
		this.zones = zones;
	}

	@ModelAttribute("viewer")
	Account viewer(Authentication authentication) {
		return this.accounts.current(authentication).orElse(null);
	}

	@ModelAttribute("dates")
	DateDisplay dates(Authentication caller, HttpServletRequest request) {
		return this.zones.dates(caller, request);
	}

}
