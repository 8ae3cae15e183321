package dev.spotifytracker.account;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Stands before the start of a sign-in ({@code /oauth2/authorization/...}): where the
 * first sign-in needs the {@link SetupCode}, a start without the right one goes back to
 * the sign-in page; when {@link SignInAttempts} is full, the start is answered 503 with
 * {@code Retry-After} and a page that says why.
 */
class SignInStartFilter extends OncePerRequestFilter {

	static final String SETUP_CODE_PARAMETER = "setup-code";

	private final SignInAttempts attempts;

	private final SetupCode setupCode;

	SignInStartFilter(SignInAttempts attempts, SetupCode setupCode) {
		this.attempts = attempts;
		this.setupCode = setupCode;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !path.startsWith(OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.setupCode.requiredFor(request)) {
			String given = request.getParameter(SETUP_CODE_PARAMETER);
			if (!this.setupCode.matches(given)) {
				response.sendRedirect(request.getContextPath() + SecurityConfiguration.LOGIN_PAGE
						+ ((given == null || given.isBlank()) ? "?setup-code-needed" : "?setup-code-wrong"));
				return;
			}
			request.setAttribute(SignInAttempts.SETUP_CODE_GIVEN, Boolean.TRUE);
		}
		if (!this.attempts.hasRoomFor(request.getRemoteAddr())) {
			tooManyAttempts(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

	private void tooManyAttempts(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Duration wait = this.attempts.untilRoom();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds() + 1)));
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.setCharacterEncoding("UTF-8");
		String base = HtmlUtils.htmlEscape(request.getContextPath());
		response.getWriter().write("""
				<!DOCTYPE html>
				<html lang="en">
				<head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>
				<title>Too many sign-ins · Spotify Tracker</title><link rel="stylesheet" href="%s/css/app.css"/></head>
				<body><main id="main" class="narrow"><h1>Too many sign-ins at once</h1>
				<p>More sign-ins were started in the last few minutes than the service keeps. Please try again in a
				few minutes.</p><p><a href="%s/login">Back to the sign-in page</a></p></main></body>
				</html>
				""".formatted(base, base));
	}

}
