package dev.spotifytracker.playlist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.spotifytracker.account.Account;
import dev.spotifytracker.account.AccountChoice;
import dev.spotifytracker.spotify.SpotifyException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The playlists page: each smart playlist's settings (validated, the message next to the
 * field), a preview of its list and of its next push, its Spotify playlist, and the
 * actions push now, relink and recreate. With htmx each action answers the rule's card
 * alone; without it, the whole page.
 */
@Controller
class PlaylistsController {

	private final AccountChoice accounts;

	private final PlaylistService playlists;

	private final RulePlaylists rulePlaylists;

	private final PlaylistExclusions exclusions;

	private final TrackSummaries summaries;

	PlaylistsController(AccountChoice accounts, PlaylistService playlists, RulePlaylists rulePlaylists,
			PlaylistExclusions exclusions, TrackSummaries summaries) {
		this.accounts = accounts;
		this.playlists = playlists;
		this.rulePlaylists = rulePlaylists;
		this.exclusions = exclusions;
		this.summaries = summaries;
	}

	@GetMapping("/playlists")
	String playlists(Authentication caller, @RequestParam(required = false) String account, Model model) {
		Account chosen = this.accounts.choose(caller, account, model);
		return page(chosen, null, model);
	}

	@GetMapping("/playlists/{slug}/preview")
	String preview(Authentication caller, @RequestParam(required = false) String account, @PathVariable String slug,
			Model model) {
		Account chosen = this.accounts.choose(caller, account, model);
		PlaylistPreview preview = this.playlists.preview(chosen.id(), rule(slug));
		model.addAttribute("preview", preview);
		List<String> listed = new ArrayList<>();
		preview.firstTracks().forEach((track) -> listed.add(track.trackId()));
		preview.toAdd().forEach((track) -> listed.add(track.trackId()));
		model.addAttribute("choices", this.summaries.choices(listed));
		model.addAttribute("here",
				UriComponentsBuilder.fromPath("/playlists")
					.queryParam("account", chosen.spotifyUserId())
					.fragment(slug)
					.encode()
					.toUriString());
		return "playlist/fragments :: preview";
	}

	@PostMapping("/playlists/{slug}/settings")
	String settings(Authentication caller, @RequestParam(required = false) String account, @PathVariable String slug,
			@RequestParam(defaultValue = "false") boolean enabled, @RequestParam(defaultValue = "") String limit,
			@RequestParam(defaultValue = "") String windowDays,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Account chosen = this.accounts.choose(caller, account, model);
		SmartPlaylistRule rule = rule(slug);
		Map<String, String> errors = new LinkedHashMap<>();
		Integer parsedLimit = wholeNumber(limit, "limit", errors);
		Integer parsedWindow = rule.hasWindow() ? wholeNumber(windowDays, "windowDays", errors) : null;
		if (errors.isEmpty()) {
			try {
				this.playlists.updateSettings(chosen.id(), rule, enabled, parsedLimit, parsedWindow);
			}
			catch (InvalidRuleSettingsException ex) {
				errors.putAll(ex.fieldErrors());
			}
		}
		boolean saved = errors.isEmpty();
		UnaryOperator<RuleCard> outcome = (card) -> saved
				? card.withMessage("Saved. The next push uses these settings.")
				: card.withForm(enabled, limit, windowDays, errors);
		return answer(chosen, rule, outcome, !saved, htmx, model, response, redirect);
	}

	@PostMapping("/playlists/{slug}/push")
	String push(Authentication caller, @RequestParam(required = false) String account, @PathVariable String slug,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Account chosen = this.accounts.choose(caller, account, model);
		SmartPlaylistRule rule = rule(slug);
		UnaryOperator<RuleCard> outcome;
		try {
			PublishOutcome pushed = this.playlists.pushNow(chosen.id(), rule);
			outcome = pushed.failed() ? (card) -> card.withError("The push failed: " + pushed.error())
					: (card) -> card.withMessage(describe(pushed));
		}
		catch (SpotifyException | PlaylistActionException ex) {
			outcome = (card) -> card.withError(ex.getMessage());
		}
		return answer(chosen, rule, outcome, false, htmx, model, response, redirect);
	}

	@PostMapping("/playlists/{slug}/link")
	String link(Authentication caller, @RequestParam(required = false) String account, @PathVariable String slug,
			@RequestParam(defaultValue = "") String playlist,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Account chosen = this.accounts.choose(caller, account, model);
		SmartPlaylistRule rule = rule(slug);
		UnaryOperator<RuleCard> outcome;
		boolean refused = false;
		try {
			PublishedPlaylist linked = this.playlists.link(chosen.id(), rule, playlist);
			outcome = (card) -> card
				.withMessage("Linked to \"" + linked.name() + "\". The next push replaces its contents.");
		}
		catch (PlaylistActionException | SpotifyException ex) {
			refused = true;
			outcome = (card) -> card.withPlaylistField(playlist, ex.getMessage());
		}
		return answer(chosen, rule, outcome, refused, htmx, model, response, redirect);
	}

	@PostMapping("/playlists/{slug}/recreate")
	String recreate(Authentication caller, @RequestParam(required = false) String account, @PathVariable String slug,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Account chosen = this.accounts.choose(caller, account, model);
		SmartPlaylistRule rule = rule(slug);
		UnaryOperator<RuleCard> outcome;
		try {
			PublishedPlaylist created = this.playlists.recreate(chosen.id(), rule);
			outcome = (card) -> card.withMessage("Created \"" + created.name() + "\". The next push fills it.");
		}
		catch (PlaylistActionException | SpotifyException ex) {
			outcome = (card) -> card.withError(ex.getMessage());
		}
		return answer(chosen, rule, outcome, false, htmx, model, response, redirect);
	}

	/**
	 * Excludes the track from (or includes it in) every smart playlist. htmx swaps in the
	 * new button; without JavaScript the browser goes back to the page it came from.
	 * @param returnTo a path of this service (anything else is ignored)
	 */
	@PostMapping("/playlists/exclusions/{trackId}")
	String exclusion(Authentication caller, @RequestParam(required = false) String account,
			@PathVariable String trackId, @RequestParam boolean excluded,
			@RequestParam(defaultValue = "") String returnTo,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		Account chosen = this.accounts.choose(caller, account, model);
		if (excluded) {
			this.playlists.exclude(chosen.id(), trackId);
		}
		else {
			this.playlists.include(chosen.id(), trackId);
		}
		if (htmx != null) {
			model.addAttribute("trackId", trackId);
			model.addAttribute("isExcluded", excluded);
			model.addAttribute("here", returnTo);
			return "playlist/fragments :: exclusion";
		}
		// a redirect target expands "{...}" as a URI variable: such a path is not ours
		boolean local = returnTo.startsWith("/") && !returnTo.startsWith("//") && !returnTo.contains("\\")
				&& returnTo.chars().allMatch((c) -> c >= 0x20 && c != '{' && c != '}');
		return "redirect:" + (local ? returnTo
				: UriComponentsBuilder.fromPath("/playlists")
					.queryParam("account", chosen.spotifyUserId())
					.encode()
					.toUriString());
	}

	/**
	 * htmx gets the rule's card; a plain form post gets the page again when a field was
	 * refused (400, the message next to the field), else a redirect back to the rule.
	 */
	private String answer(Account account, SmartPlaylistRule rule, UnaryOperator<RuleCard> outcome, boolean refused,
			String htmx, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (htmx != null) {
			model.addAttribute("card", outcome.apply(RuleCard.of(this.playlists.rule(account.id(), rule))));
			return "playlist/fragments :: card";
		}
		if (refused) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(account, Map.of(rule, outcome), model);
		}
		RuleCard card = outcome.apply(RuleCard.of(this.playlists.rule(account.id(), rule)));
		// only strings in the session: the page is built afresh after the redirect
		redirect.addFlashAttribute("flashSlug", rule.slug());
		redirect.addFlashAttribute("flashMessage", card.message());
		redirect.addFlashAttribute("flashError", card.error());
		return "redirect:" + UriComponentsBuilder.fromPath("/playlists")
			.queryParam("account", account.spotifyUserId())
			.fragment(rule.slug())
			.encode()
			.toUriString();
	}

	private String page(Account account, Map<SmartPlaylistRule, UnaryOperator<RuleCard>> changed, Model model) {
		Object flashSlug = model.getAttribute("flashSlug");
		List<RuleCard> cards = new ArrayList<>();
		this.playlists.rules(account.id()).forEach((view) -> {
			RuleCard card = RuleCard.of(view);
			if (changed != null && changed.containsKey(view.rule())) {
				card = changed.get(view.rule()).apply(card);
			}
			else if (view.rule().slug().equals(flashSlug)) {
				card = (model.getAttribute("flashError") != null)
						? card.withError((String) model.getAttribute("flashError"))
						: card.withMessage((String) model.getAttribute("flashMessage"));
			}
			cards.add(card);
		});
		model.addAttribute("cards", cards);
		model.addAttribute("ownRules",
				this.rulePlaylists.list(account.id()).stream().filter((rule) -> !rule.builtIn()).toList());
		model.addAttribute("ownPlaylists", this.playlists.published(account.id()));
		model.addAttribute("exclusions", this.playlists.exclusions(account.id()));
		model.addAttribute("otherExclusions", this.exclusions.list(account.id()));
		model.addAttribute("here",
				UriComponentsBuilder.fromPath("/playlists")
					.queryParam("account", account.spotifyUserId())
					.toUriString());
		return "playlist/list";
	}

	private static SmartPlaylistRule rule(String slug) {
		return SmartPlaylistRule.bySlug(slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no smart playlist " + slug));
	}

	private static Integer wholeNumber(String text, String field, Map<String, String> errors) {
		String value = text.strip().replace(",", "");
		if (value.isEmpty()) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			errors.put(field, "Enter a whole number.");
			return null;
		}
	}

	static String describe(PublishOutcome pushed) {
		return switch (pushed.change()) {
			case "none" -> "Already up to date: " + pushed.tracks() + " tracks.";
			case "skipped" -> "Not pushed: the playlist was removed on Spotify. Recreate or relink it first.";
			default -> (pushed.created() ? "Created and pushed: " : "Pushed: ") + pushed.tracks() + " tracks, "
					+ pushed.added() + " added, " + pushed.removed() + " removed (" + pushed.calls()
					+ " Spotify calls).";
		};
	}

}
