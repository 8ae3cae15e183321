package dev.spotifytracker.account;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

/**
 * Someone who is not signed in is asked to sign in (a redirect to {@code /login}, or 401
 * on the API) even when the request also lacks its CSRF token; a signed-in caller without
 * one gets 403.
 */
class SignInFirstAccessDeniedHandler implements AccessDeniedHandler {

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	private final AuthenticationEntryPoint signIn;

	private final AccessDeniedHandler denied = new AccessDeniedHandlerImpl();

	SignInFirstAccessDeniedHandler(AuthenticationEntryPoint signIn) {
		this.signIn = signIn;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException, ServletException {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || this.trust.isAnonymous(authentication)) {
			this.signIn.commence(request, response,
					new InsufficientAuthenticationException("Sign in first", exception));
			return;
		}
		this.denied.handle(request, response, exception);
	}

}
