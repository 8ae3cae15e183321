package dev.spotifytracker.account;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Reads who signed in ({@code /v1/me}) and lets them in only if {@link SignInPolicy}
 * allows; the role becomes the authority {@code ROLE_OWNER} or {@code ROLE_MEMBER}. Where
 * the first owner needs the {@link SetupCode}, only a sign-in that was started with it
 * makes one.
 */
class SpotifyUserService implements OAuth2UserService<OAuth2UserRequest, OAuth2User> {

	static final String NOT_ALLOWED = "not_allowed";

	static final String SETUP_CODE_NEEDED = "setup_code_needed";

	private final OAuth2UserService<OAuth2UserRequest, OAuth2User> delegate;

	private final SignInPolicy policy;

	private final SetupCode setupCode;

	SpotifyUserService(OAuth2UserService<OAuth2UserRequest, OAuth2User> delegate, SignInPolicy policy,
			SetupCode setupCode) {
		this.delegate = delegate;
		this.policy = policy;
		this.setupCode = setupCode;
	}

	@Override
	public OAuth2User loadUser(OAuth2UserRequest request) {
		OAuth2User user = this.delegate.loadUser(request);
		Account.Role role = this.policy.roleFor(user.getName())
			.orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(NOT_ALLOWED,
					"The Spotify user " + user.getName() + " is not allowed to use this service", null)));
		if (role == Account.Role.OWNER && needsTheSetupCode()) {
			throw new OAuth2AuthenticationException(new OAuth2Error(SETUP_CODE_NEEDED,
					"The Spotify user " + user.getName() + " would become the owner without the setup code", null));
		}
		String nameAttribute = request.getClientRegistration()
			.getProviderDetails()
			.getUserInfoEndpoint()
			.getUserNameAttributeName();
		return new DefaultOAuth2User(List.of(new SimpleGrantedAuthority("ROLE_" + role.name())), user.getAttributes(),
				nameAttribute);
	}

	/**
	 * Whether this sign-in would make the first owner where that needs the setup code,
	 * and was not started with it.
	 */
	private boolean needsTheSetupCode() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return this.policy.wouldMakeTheFirstOwner();
		}
		HttpServletRequest request = attributes.getRequest();
		return this.setupCode.requiredFor(request)
				&& !Boolean.TRUE.equals(request.getAttribute(SignInAttempts.STARTED_WITH_SETUP_CODE));
	}

}
