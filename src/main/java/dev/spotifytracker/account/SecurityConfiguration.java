package dev.spotifytracker.account;

import java.util.LinkedHashMap;

import dev.spotifytracker.app.InvalidSettingException;
import dev.spotifytracker.spotify.SpotifyProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Public: the sign-in page and flow, the health check, static assets
 * and the error page. Everything else needs a signed-in session (pages redirect to
 * {@code /login}, the API answers 401) or, on {@code /api/**}, the job API's bearer
 * token. State-changing requests need the CSRF token unless they carry that bearer token.
 * <p>
 * A visitor who is not signed in gets no session: no request is saved for after the
 * sign-in (it always lands on the overview), and a sign-in under way waits in
 * {@link SignInAttempts}. Only a finished sign-in makes a session.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String LOGIN_PAGE = "/login";

	/**
	 * Our own files only; images also from Spotify's image host. No plug-ins, no
	 * {@code <base>}, forms post to us (and the sign-in goes to Spotify's accounts
	 * service), and no other site may frame a page.
	 */
	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' https://i.scdn.co data:; "
			+ "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
			+ "form-action 'self' ";

	/**
	 * Browser features the dashboard never uses, off for it and anything it might embed.
	 */
	private static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), display-capture=(), "
			+ "geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), "
			+ "serial=(), usb=(), xr-spatial-tracking=()";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ClientRegistrationRepository registrations,
			SpotifyProperties spotify, AccessProperties access, SignInPolicy policy, AccountService accounts,
			SignInAttempts attempts, SetupCode setupCode) throws Exception {
		String callbackPath = callbackPath(spotify);
		RequestMatcher api = (request) -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		RequestMatcher bearerOnJobApi = (request) -> ApiTokenAuthenticationFilter.isJobApi(request)
				&& ApiTokenAuthenticationFilter.hasBearer(request);
		AuthenticationEntryPoint signIn = signInEntryPoint(api);
		SignInHttpClients clients = new SignInHttpClients(spotify);
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers(LOGIN_PAGE, "/not-allowed", "/oauth2/authorization/**", callbackPath, "/actuator/health",
					"/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico", "/error")
			.permitAll()
			// the API token opens the job, playlist, stats, plays and import APIs and
			// nothing else
			.requestMatchers(ApiTokenAuthenticationFilter.JOB_API + "/**", ApiTokenAuthenticationFilter.PLAYLIST_API,
					ApiTokenAuthenticationFilter.PLAYLIST_API + "/**", ApiTokenAuthenticationFilter.STATS_API + "/**",
					ApiTokenAuthenticationFilter.PLAYS_API, ApiTokenAuthenticationFilter.IMPORTS_API)
			.hasAnyRole("API", "OWNER", "MEMBER")
			.anyRequest()
			.hasAnyRole("OWNER", "MEMBER"))
			.addFilterBefore(new ApiTokenAuthenticationFilter(access.apiToken()), LogoutFilter.class)
			.addFilterAfter(new AllowedAccountFilter(accounts), AnonymousAuthenticationFilter.class)
			.addFilterBefore(new SignInStartFilter(attempts, setupCode), OAuth2AuthorizationRequestRedirectFilter.class)
			.csrf((csrf) -> csrf.ignoringRequestMatchers(bearerOnJobApi))
			.oauth2Login((login) -> login.loginPage(LOGIN_PAGE)
				.authorizationEndpoint((endpoint) -> endpoint.authorizationRequestResolver(pkce(registrations))
					.authorizationRequestRepository(attempts))
				.redirectionEndpoint((endpoint) -> endpoint.baseUri(callbackPath))
				.tokenEndpoint((token) -> token.accessTokenResponseClient(clients.authorizationCodeClient()))
				.userInfoEndpoint((userInfo) -> userInfo
					.userService(new SpotifyUserService(clients.userService(), policy, setupCode)))
				.authorizedClientRepository(new AccountAuthorizedClientRepository(accounts))
				.defaultSuccessUrl("/", true)
				.failureHandler(new SignInFailureHandler()))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl(LOGIN_PAGE + "?signed-out"))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(signIn)
				.accessDeniedHandler(new SignInFirstAccessDeniedHandler(signIn)))
			.headers((headers) -> headers
				.contentSecurityPolicy(
						(csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY + spotify.accountsBaseUrl()))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.permissionsPolicyHeader((permissions) -> permissions.policy(PERMISSIONS_POLICY)))
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()));
		return http.build();
	}

	/**
	 * Pages send the visitor to the sign-in page; the API answers 401.
	 */
	private static AuthenticationEntryPoint signInEntryPoint(RequestMatcher api) {
		LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> entryPoints = new LinkedHashMap<>();
		entryPoints.put(api, new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));
		DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(entryPoints);
		entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE));
		return entryPoint;
	}

	/**
	 * PKCE on top of {@code state}, whatever the registration says.
	 */
	private static DefaultOAuth2AuthorizationRequestResolver pkce(ClientRegistrationRepository registrations) {
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		return resolver;
	}

	/**
	 * The callback is served at the path of {@code SPOTIFY_REDIRECT_URI} (default
	 * {@code /callback}).
	 */
	static String callbackPath(SpotifyProperties spotify) {
		if (!spotify.hasRedirectUri()) {
			return "/callback";
		}
		String path = spotify.redirectUri().getPath();
		if (path == null || path.isBlank() || path.equals("/") || path.startsWith("/api/")
				|| path.startsWith("/login")) {
			// the callback path is public: it must not open a page of the dashboard
			throw new InvalidSettingException("SPOTIFY_REDIRECT_URI",
					"SPOTIFY_REDIRECT_URI must end in a path of its own, such as /callback, not '" + path + "'.");
		}
		return path;
	}

	/**
	 * No passwords: people sign in with Spotify. Declaring this keeps Spring Boot from
	 * creating a default user with a generated password.
	 */
	@Bean
	UserDetailsService noPasswordUsers() {
		return (username) -> {
			throw new UsernameNotFoundException("Sign in with Spotify");
		};
	}

}
