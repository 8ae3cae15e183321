package dev.spotifytracker.web;

import java.time.Clock;

import dev.spotifytracker.account.AccountService;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the shared layout needs on every page: the section of the navigation the page
 * belongs to ({@code section}) and the date formatting in the viewer's time zone
 * ({@code dates}). The signed-in account itself ({@code viewer}) comes from the account
 * module.
 */
@ControllerAdvice
class LayoutAdvice {

	private final AccountService accounts;

	private final DisplayZones zones;

	private final Clock clock;

	LayoutAdvice(AccountService accounts, DisplayZones zones, Clock clock) {
		this.accounts = accounts;
		this.zones = zones;
		this.clock = clock;
	}

	@ModelAttribute("dates")
	DateDisplay dates(Authentication caller, HttpServletRequest request) {
		return new DateDisplay(() -> this.zones.zoneFor(this.accounts.current(caller), request), this.clock);
	}

	@ModelAttribute("section")
	String section(HttpServletRequest request) {
		return Section.of(request.getRequestURI().substring(request.getContextPath().length()));
	}

}
