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
 * The sign-in page (one button) and the page for a Spotify user who may not sign in.
 */
@Controller
class LoginController {

	private final SpotifyProperties spotify;

	LoginController(SpotifyProperties spotify) {
		this.spotify = spotify;
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
		return "account/login";
	}

	@GetMapping("/not-allowed")
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String notAllowed() {
		return "account/not-allowed";
	}

}
