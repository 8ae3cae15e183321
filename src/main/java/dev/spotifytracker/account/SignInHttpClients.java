package dev.spotifytracker.account;

import java.net.http.HttpClient;

import dev.spotifytracker.spotify.SpotifyProperties;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Spring Security's clients for the sign-in's calls to Spotify (code for token, refresh
 * at start-up, {@code /v1/me}) with the same connect and read timeouts as every other
 * Spotify call, so a hanging Spotify cannot hold the web server's threads.
 */
final class SignInHttpClients {

	private final SpotifyProperties spotify;

	SignInHttpClients(SpotifyProperties spotify) {
		this.spotify = spotify;
	}

	RestClientAuthorizationCodeTokenResponseClient authorizationCodeClient() {
		RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
		client.setRestClient(tokenRestClient());
		return client;
	}

	RestClientRefreshTokenTokenResponseClient refreshTokenClient() {
		RestClientRefreshTokenTokenResponseClient client = new RestClientRefreshTokenTokenResponseClient();
		client.setRestClient(tokenRestClient());
		return client;
	}

	DefaultOAuth2UserService userService() {
		RestTemplate restTemplate = new RestTemplate(requestFactory());
		restTemplate.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
		DefaultOAuth2UserService service = new DefaultOAuth2UserService();
		service.setRestOperations(restTemplate);
		return service;
	}

	RestClient apiRestClient() {
		return RestClient.builder().requestFactory(requestFactory()).build();
	}

	/**
	 * Spring Security's own converters and error handler for token answers.
	 */
	private RestClient tokenRestClient() {
		return RestClient.builder()
			.requestFactory(requestFactory())
			.configureMessageConverters((converters) -> converters.addCustomConverter(new FormHttpMessageConverter())
				.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build();
	}

	private JdkClientHttpRequestFactory requestFactory() {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(this.spotify.connectTimeout()).build());
		requests.setReadTimeout(this.spotify.readTimeout());
		return requests;
	}

}
