package dev.spotifytracker.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * A sign-in that did not end well leaves no half-made session behind (a signed-in session
 * survives a forged callback link): a user who is not allowed sees the "not allowed"
 * page; anything else (a wrong or replayed {@code state}, a refused code) goes back to
 * the sign-in page with a message.
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

	private static final Logger log = LoggerFactory.getLogger(SignInFailureHandler.class);

	private static boolean signedIn(HttpServletRequest request) {
		var context = SecurityContextHolder.getContext().getAuthentication();
		if (context != null && context.isAuthenticated() && !(context instanceof AnonymousAuthenticationToken)) {
			return true;
		}
		HttpSession session = request.getSession(false);
		Object stored = (session != null)
				? session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) : null;
		return stored instanceof SecurityContext securityContext && securityContext.getAuthentication() != null
				&& securityContext.getAuthentication().isAuthenticated();
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		HttpSession session = request.getSession(false);
		if (session != null && !signedIn(request)) {
			// what the half-done sign-in stored goes; a signed-in session survives a
			// forged callback link
			session.invalidate();
		}
		String code = (exception instanceof OAuth2AuthenticationException oauth) ? oauth.getError().getErrorCode()
				: "sign_in_failed";
		log.info("Sign-in refused: {}", exception.getMessage());
		if (SpotifyUserService.NOT_ALLOWED.equals(code)) {
			response.sendRedirect(request.getContextPath() + "/not-allowed");
			return;
		}
		if (SpotifyUserService.SETUP_CODE_NEEDED.equals(code)) {
			response.sendRedirect(request.getContextPath() + SecurityConfiguration.LOGIN_PAGE + "?setup-code-needed");
			return;
		}
		response.sendRedirect(request.getContextPath() + SecurityConfiguration.LOGIN_PAGE + "?failed");
	}

}
