package dev.spotifytracker.web;

import dev.spotifytracker.account.AccountService;
import dev.spotifytracker.account.DisplayZones;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page ({@code templates/error.html}) in the shared layout, for errors our
 * advice answers itself. (Errors that reach the servlet container use the same template
 * through Spring Boot's error controller.) It carries a sentence for the user, never an
 * exception or a stack trace.
 */
@Component
class ErrorPages {

	private final AccountService accounts;

	private final DisplayZones zones;

	private final LayoutAdvice layout;

	ErrorPages(AccountService accounts, DisplayZones zones, LayoutAdvice layout) {
		this.accounts = accounts;
		this.zones = zones;
		this.layout = layout;
	}

	ModelAndView page(HttpStatusCode status, String message, Authentication caller, HttpServletRequest request) {
		ModelAndView page = new ModelAndView("error", status);
		HttpStatus known = HttpStatus.resolve(status.value());
		page.addObject("status", status.value());
		page.addObject("error", (known != null) ? known.getReasonPhrase() : "Error");
		page.addObject("message", message);
		page.addObject("path", request.getRequestURI());
		// exception handlers get no @ModelAttribute values: add what the layout reads
		page.addObject("viewer", this.accounts.current(caller).orElse(null));
		page.addObject("dates", this.zones.dates(caller, request));
		page.addObject("section", this.layout.section(request));
		return page;
	}

}
