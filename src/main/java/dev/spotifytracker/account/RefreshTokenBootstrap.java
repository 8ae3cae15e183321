package dev.spotifytracker.account;

import java.time.Instant;
import java.util.Map;

import dev.spotifytracker.spotify.SpotifyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.stereotype.Component;

/**
 * {@code SPOTIFY_REFRESH_TOKEN} at start-up creates or updates the owner account from
 * that token, so a user of the original project moves over without a browser sign-in. A
 * token already taken over (recognised by its fingerprint) costs no call; otherwise two:
 * the refresh and {@code /v1/me}. A refused token is reported and changes nothing.
 */
@Component
class RefreshTokenBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RefreshTokenBootstrap.class);

	private final SpotifyProperties spotify;

	private final ClientRegistrationRepository registrations;

	private final AccountService accountService;

	private final AccountRepository accounts;

	private final TokenCipher cipher;

	RefreshTokenBootstrap(SpotifyProperties spotify, ClientRegistrationRepository registrations,
			AccountService accountService, AccountRepository accounts, TokenCipher cipher) {
		this.spotify = spotify;
		this.registrations = registrations;
		this.accountService = accountService;
		this.accounts = accounts;
		this.cipher = cipher;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		runWith(this.spotify.refreshToken(), arguments);
	}

	void runWith(String token, ApplicationArguments arguments) {
		if (token == null || token.isBlank()) {
			return;
		}
		try {
			bootstrap(token.strip());
		}
		catch (OAuth2AuthorizationException ex) {
			log.warn("SPOTIFY_REFRESH_TOKEN was refused by Spotify ({}); nothing changed. Sign in with Spotify "
					+ "instead, or give a current token.", ex.getError().getErrorCode());
		}
		catch (RuntimeException ex) {
			log.warn("SPOTIFY_REFRESH_TOKEN could not be taken over now ({}); it is tried again at the next start.",
					ex.getMessage());
		}
	}

	void bootstrap(String token) {
		byte[] fingerprint = this.cipher.fingerprint(token);
		if (this.accounts.findByBootstrapFingerprint(fingerprint).isPresent()) {
			log.info("SPOTIFY_REFRESH_TOKEN was taken over before; nothing to do");
			return;
		}
		ClientRegistration registration = this.registrations.findByRegistrationId("spotify");
		SignInHttpClients clients = new SignInHttpClients(this.spotify);
		OAuth2AccessTokenResponse response = clients.refreshTokenClient()
			.getTokenResponse(new OAuth2RefreshTokenGrantRequest(registration, expiredPlaceholder(),
					new OAuth2RefreshToken(token, null)));
		String refreshToken = (response.getRefreshToken() != null) ? response.getRefreshToken().getTokenValue() : token;
		Map<String, Object> me = clients.apiRestClient()
			.get()
			.uri(registration.getProviderDetails().getUserInfoEndpoint().getUri())
			.headers((headers) -> headers.setBearerAuth(response.getAccessToken().getTokenValue()))
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		String userId = (String) me.get("id");
		Account account = this.accountService.recordBootstrap(userId, (String) me.get("display_name"), refreshToken,
				String.join(" ", response.getAccessToken().getScopes()), fingerprint);
		log.info("SPOTIFY_REFRESH_TOKEN taken over for Spotify user {} ({})", account.spotifyUserId(),
				account.role().name().toLowerCase(java.util.Locale.ROOT));
	}

	/**
	 * The refresh grant request wants the old access token; there is none yet.
	 */
	private static OAuth2AccessToken expiredPlaceholder() {
		Instant past = Instant.EPOCH;
		return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "none", past, past.plusSeconds(1));
	}

}
