package dev.spotifytracker.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signed-in session lasts only while its account may use the service: once the owner
 * takes back an invitation (or {@code TRACKER_ALLOWED_USERS} drops the user), the next
 * request ends the session and shows the "not allowed" page.
 */
class AllowedAccountFilter extends OncePerRequestFilter {

	private final AccountService accounts;

	AllowedAccountFilter(AccountService accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof OAuth2AuthenticationToken && this.accounts.current(authentication).isEmpty()) {
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			response.sendRedirect(request.getContextPath() + "/not-allowed");
			return;
		}
		chain.doFilter(request, response);
	}

}
