package dev.spotifytracker.account;

import dev.spotifytracker.spotify.SpotifyProperties;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The sign-in page (one button; on a public address that nobody owns yet, a field for the
 * {@link SetupCode} as well) and the page for a Spotify user who may not sign in.
 */
@Controller
class LoginController {

	private final SpotifyProperties spotify;

	private final SetupCode setupCode;

	LoginController(SpotifyProperties spotify, SetupCode setupCode) {
		this.spotify = spotify;
		this.setupCode = setupCode;
	}

	@GetMapping(SecurityConfiguration.LOGIN_PAGE)
	String login(Model model, HttpServletRequest request) {
		if ("localhost".equalsIgnoreCase(request.getServerName()) && !this.spotify.hasRedirectUri()) {
			// Spotify refuses localhost redirect URIs: continue on the loopback address
			// instead
			return "redirect:" + request.getScheme() + "://127.0.0.1:" + request.getServerPort()
					+ SecurityConfiguration.LOGIN_PAGE;
		}
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current != null && current.isAuthenticated() && !(current instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		model.addAttribute("spotifyConfigured", this.spotify.isConfigured());
		model.addAttribute("setupCodeNeeded", this.spotify.isConfigured() && this.setupCode.requiredFor(request));
		return "account/login";
	}

	@GetMapping("/not-allowed")
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String notAllowed() {
		return "account/not-allowed";
	}

}
