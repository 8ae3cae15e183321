package dev.spotifytracker.account;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * Reads who signed in ({@code /v1/me}) and lets them in only if {@link SignInPolicy}
 * allows; the role becomes the authority {@code ROLE_OWNER} or {@code ROLE_MEMBER}.
 */
class SpotifyUserService implements OAuth2UserService<OAuth2UserRequest, OAuth2User> {

	static final String NOT_ALLOWED = "not_allowed";

	private final OAuth2UserService<OAuth2UserRequest, OAuth2User> delegate;

	private final SignInPolicy policy;

	SpotifyUserService(OAuth2UserService<OAuth2UserRequest, OAuth2User> delegate, SignInPolicy policy) {
		this.delegate = delegate;
		this.policy = policy;
	}

	@Override
	public OAuth2User loadUser(OAuth2UserRequest request) {
		OAuth2User user = this.delegate.loadUser(request);
		Account.Role role = this.policy.roleFor(user.getName())
			.orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(NOT_ALLOWED,
					"The Spotify user " + user.getName() + " is not allowed to use this service", null)));
		String nameAttribute = request.getClientRegistration()
			.getProviderDetails()
			.getUserInfoEndpoint()
			.getUserNameAttributeName();
		return new DefaultOAuth2User(List.of(new SimpleGrantedAuthority("ROLE_" + role.name())), user.getAttributes(),
				nameAttribute);
	}

}
