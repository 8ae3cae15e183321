package dev.spotifytracker.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The job API's bearer token ({@code TRACKER_API_TOKEN}) for external schedulers and
 * scripts. A request that carries a bearer token is judged by it alone: a wrong one is
 * answered 401 at once and never falls back to a session. Tokens are compared in constant
 * time (as SHA-256 digests, so their lengths leak nothing either). With no token
 * configured every bearer request is refused.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

	static final String PRINCIPAL = "job-api";

	static final String JOB_API = "/api/jobs";

	static final String PLAYLIST_API = "/api/playlists";
	static final String STATS_API = "/api/stats";

	static final String PLAYS_API = "/api/plays";

	static final String IMPORTS_API = "/api/imports";

	private static final String PREFIX = "Bearer ";

	private final byte[] expectedDigest;

	ApiTokenAuthenticationFilter(String apiToken) {
		this.expectedDigest = (apiToken != null && !apiToken.isBlank()) ? sha256(apiToken.strip()) : null;
	}

	/**
	 * The token is for the job, playlist, stats, plays and import APIs alone: elsewhere a
	 * bearer header is ignored.
	 */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !isJobApi(request);
	}

	/**
	 * A streamed answer ({@code GET /api/plays}) ends in an async dispatch, which is
	 * authorized again: the token must open it too, or the stream breaks off.
	 */
	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	static boolean isJobApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals(JOB_API) || path.startsWith(JOB_API + "/") || path.equals(PLAYLIST_API)
				|| path.startsWith(PLAYLIST_API + "/") || path.startsWith(STATS_API + "/") || path.equals(PLAYS_API)
				|| path.equals(IMPORTS_API);
	}

	static boolean hasBearer(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			chain.doFilter(request, response);
			return;
		}
		String presented = header.substring(PREFIX.length()).strip();
		if (this.expectedDigest == null || !MessageDigest.isEqual(this.expectedDigest, sha256(presented))) {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"status\":401,\"title\":\"Unauthorized\",\"detail\":\"The API token is not valid.\"}");
			return;
		}
		var authentication = UsernamePasswordAuthenticationToken.authenticated(PRINCIPAL, null,
				List.of(new SimpleGrantedAuthority(AccountJobAccess.API_AUTHORITY)));
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
