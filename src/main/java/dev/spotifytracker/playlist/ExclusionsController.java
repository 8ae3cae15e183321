package dev.spotifytracker.playlist;

import dev.spotifytracker.account.Account;
import dev.spotifytracker.account.AccountChoice;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Excluding a listed track, its album or one of its artists from one smart playlist or
 * from all of them, and letting it back in. The forms send {@code item} as
 * {@code kind:id} ({@code track:…}, {@code album:…}, {@code artist:…}) and
 * {@code playlist} as a slug or {@code all}. htmx swaps in a line saying what was done,
 * with its undo; without JavaScript the browser goes back to the page it came from. An
 * unknown kind, id or playlist is refused with 400 and one sentence.
 */
@Controller
class ExclusionsController {

	private final AccountChoice accounts;

	private final PlaylistExclusions exclusions;

	ExclusionsController(AccountChoice accounts, PlaylistExclusions exclusions) {
		this.accounts = accounts;
		this.exclusions = exclusions;
	}

	/**
	 * @param returnTo a path of this service (anything else is ignored)
	 */
	@PostMapping("/playlists/exclude")
	String exclude(Authentication caller, @RequestParam(required = false) String account,
			@RequestParam(defaultValue = "") String item, @RequestParam(defaultValue = "") String playlist,
			@RequestParam(defaultValue = "") String returnTo,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		Account chosen = this.accounts.choose(caller, account, model);
		PlaylistExclusion done = this.exclusions.exclude(chosen.id(), kind(item), id(item), playlist);
		return answer(chosen, done, true, returnTo, htmx, model);
	}

	@PostMapping("/playlists/include")
	String include(Authentication caller, @RequestParam(required = false) String account,
			@RequestParam(defaultValue = "") String item, @RequestParam(defaultValue = "") String playlist,
			@RequestParam(defaultValue = "") String returnTo,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		Account chosen = this.accounts.choose(caller, account, model);
		PlaylistExclusion done = this.exclusions.include(chosen.id(), kind(item), id(item), playlist);
		return answer(chosen, done, false, returnTo, htmx, model);
	}

	private static String answer(Account account, PlaylistExclusion done, boolean excluded, String returnTo,
			String htmx, Model model) {
		if (htmx != null) {
			model.addAttribute("done", done);
			model.addAttribute("excluded", excluded);
			model.addAttribute("here", returnTo);
			return "playlist/fragments :: excluded";
		}
		return "redirect:" + (isLocal(returnTo) ? returnTo
				: UriComponentsBuilder.fromPath("/playlists")
					.queryParam("account", account.spotifyUserId())
					.fragment("all-exclusions")
					.encode()
					.toUriString());
	}

	/** A redirect target expands "{...}" as a URI variable: such a path is not ours. */
	static boolean isLocal(String path) {
		return path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")
				&& path.chars().allMatch((c) -> c >= 0x20 && c != '{' && c != '}');
	}

	private static String kind(String item) {
		int colon = item.indexOf(':');
		return (colon < 0) ? item : item.substring(0, colon);
	}

	private static String id(String item) {
		int colon = item.indexOf(':');
		return (colon < 0) ? "" : item.substring(colon + 1);
	}

}
