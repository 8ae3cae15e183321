package dev.spotifytracker.playlist;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.spotifytracker.account.Account;
import dev.spotifytracker.account.AccountChoice;
import dev.spotifytracker.playlist.PlaylistRule.Field;
import dev.spotifytracker.playlist.PlaylistRule.Op;
import dev.spotifytracker.playlist.PlaylistRule.SortField;
import dev.spotifytracker.spotify.SpotifyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The rule builder page: conditions, groups, sort and limit as inputs that fit their
 * type, a live preview (htmx sends the whole form with every change; no Spotify call),
 * paste and download as JSON, save. The form is the only state: a change re-renders the
 * builder from what was sent.
 */
@Controller
class RuleBuilderController {

	/** The name a rule is previewed under before it has one of its own. */
	private static final String UNNAMED = "Unnamed rule";

	/** Tracks the preview lists; the count covers all of them. */
	static final int PREVIEW_TRACKS = 50;

	private final RulePlaylists playlists;

	private final TrackSummaries summaries;

	private final RuleBuilderQueries queries;

	private final AccountChoice accounts;

	private final PlaylistService service;

	private final PlaylistExclusions exclusions;

	private final PlaylistMappingRepository mappings;

	RuleBuilderController(RulePlaylists playlists, TrackSummaries summaries, RuleBuilderQueries queries,
			AccountChoice accounts, PlaylistService service, PlaylistExclusions exclusions,
			PlaylistMappingRepository mappings) {
		this.playlists = playlists;
		this.mappings = mappings;
		this.exclusions = exclusions;
		this.service = service;
		this.summaries = summaries;
		this.queries = queries;
		this.accounts = accounts;
	}

	@GetMapping("/playlists/rules/new")
	String create(Authentication caller, @RequestParam(required = false) String account,
			@RequestParam(required = false) String from, Model model) {
		Account chosen = this.accounts.choose(caller, account, model);
		RuleDraft draft;
		if (from != null && !from.isBlank()) {
			RulePlaylistView template = this.playlists.find(chosen.id(), from).orElseThrow(() -> notFound(from));
			draft = RuleDraft.fromDocument(template.document());
			draft.name = "Copy of " + template.name();
		}
		else {
			draft = RuleDraft.fromParams(Map.of()).apply("add");
			draft.name = "";
		}
		return page(chosen, draft, model);
	}

	@GetMapping("/playlists/rules/{slug}/edit")
	String edit(Authentication caller, @RequestParam(required = false) String account, @PathVariable String slug,
			Model model) {
		Account chosen = this.accounts.choose(caller, account, model);
		RulePlaylistView stored = this.playlists.find(chosen.id(), slug).orElseThrow(() -> notFound(slug));
		if (stored.builtIn()) {
			return "redirect:" + UriComponentsBuilder.fromPath("/playlists/rules/new")
				.queryParam("from", slug)
				.queryParam("account", chosen.spotifyUserId())
				.encode()
				.toUriString();
		}
		RuleDraft draft = RuleDraft.fromDocument(stored.document());
		draft.slug = slug;
		return page(chosen, draft, model);
	}

	/**
	 * Every change of the builder: a button ({@code action}), a pasted document
	 * ({@code action=json}), the save, or just an edited input (the preview follows).
	 */
	@PostMapping("/playlists/rules/form")
	String change(Authentication caller, @RequestParam(required = false) String account,
			@RequestParam(required = false) String action, @RequestParam(required = false) String json,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Account chosen = this.accounts.choose(caller, account, model);
		RuleDraft draft = RuleDraft.fromParams(request.getParameterMap());
		if ("json".equals(action)) {
			String slug = draft.slug;
			try {
				// as written, like the API: the form would quietly drop an unknown key or
				// read "5" as 5, and saving would store what was never pasted
				RuleParser.parse((json != null) ? json : "");
				draft = RuleDraft.fromDocument(json);
				draft.slug = slug;
			}
			catch (InvalidRuleException ex) {
				model.addAttribute("jsonError",
						ex.path().isEmpty() ? ex.getMessage() : ex.getMessage() + " (at " + ex.path() + ")");
				model.addAttribute("json", json);
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			}
			return page(chosen, draft, model);
		}
		if ("save".equals(action)) {
			try {
				RulePlaylistView saved = draft.slug.isBlank() ? this.playlists.create(chosen.id(), draft.toDocument())
						: this.playlists.update(chosen.id(), draft.slug, draft.toDocument());
				String target = UriComponentsBuilder.fromPath("/playlists")
					.queryParam("account", chosen.spotifyUserId())
					.fragment("rule-" + saved.slug())
					.encode()
					.toUriString();
				if (htmx != null) {
					response.setHeader("HX-Redirect", target);
					return page(chosen, draft, model);
				}
				return "redirect:" + target;
			}
			catch (InvalidRuleException ex) {
				// refused (400); shown by the page, which parses the same document again,
				// name and all, next to the faulty condition
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				return page(chosen, draft, model, true);
			}
			catch (RulePlaylistRefusedException ex) {
				model.addAttribute("saveError", ex.getMessage());
			}
		}
		if (action != null && (action.startsWith("exclude:") || action.startsWith("include:"))) {
			exclusion(chosen, action, model);
			return page(chosen, draft, model);
		}
		return page(chosen, draft.apply(action), model);
	}

	/**
	 * An exclude menu's button or an undo: {@code exclude:SCOPE:KIND:ID} or
	 * {@code include:SCOPE:KIND:ID}, SCOPE a slug or {@code all}.
	 * @throws PlaylistActionException (400, one sentence) when a part is unknown
	 */
	private void exclusion(Account account, String action, Model model) {
		String[] parts = action.split(":", 4);
		String scope = (parts.length > 1) ? parts[1] : "";
		String kind = (parts.length > 2) ? parts[2] : "";
		String id = (parts.length > 3) ? parts[3] : "";
		boolean exclude = parts[0].equals("exclude");
		PlaylistExclusion done = exclude ? this.exclusions.exclude(account.id(), kind, id, scope)
				: this.exclusions.include(account.id(), kind, id, scope);
		model.addAttribute("exclusionDone", done);
		model.addAttribute("exclusionDoneIn", exclude);
	}

	@GetMapping("/playlists/rules/{slug}/rule.json")
	ResponseEntity<byte[]> download(Authentication caller, @RequestParam(required = false) String account,
			@PathVariable String slug) {
		Account chosen = this.accounts.choose(caller, account);
		RulePlaylistView stored = this.playlists.find(chosen.id(), slug).orElseThrow(() -> notFound(slug));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(slug + ".json").build().toString())
			.body(stored.document().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Deletes the rule; {@code unfollow} also removes its playlist from the user's
	 * Spotify library, otherwise the playlist stays as it is, no longer updated.
	 */
	@PostMapping("/playlists/rules/{slug}/delete")
	String delete(Authentication caller, @RequestParam(required = false) String account, @PathVariable String slug,
			@RequestParam(defaultValue = "false") boolean unfollow, RedirectAttributes redirect) {
		Account chosen = this.accounts.choose(caller, account);
		try {
			this.service.deleteRulePlaylist(chosen.id(), slug, unfollow);
		}
		catch (SpotifyException | PlaylistActionException | RulePlaylistRefusedException ex) {
			redirect.addFlashAttribute("ruleSlug", slug);
			redirect.addFlashAttribute("ruleError", "Not deleted: " + ex.getMessage());
			return "redirect:" + listOf(chosen, slug);
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/playlists")
			.queryParam("account", chosen.spotifyUserId())
			.encode()
			.toUriString();
	}

	/**
	 * Pushes a saved rule playlist to Spotify now. A first push of an empty result asks
	 * first: the list shows the question with a button that repeats the push with
	 * {@code confirmEmpty}.
	 */
	@PostMapping("/playlists/rules/{slug}/push")
	String push(Authentication caller, @RequestParam(required = false) String account, @PathVariable String slug,
			@RequestParam(defaultValue = "false") boolean confirmEmpty, RedirectAttributes redirect) {
		Account chosen = this.accounts.choose(caller, account);
		redirect.addFlashAttribute("ruleSlug", slug);
		try {
			PublishOutcome pushed = this.service.pushNow(chosen.id(), slug, confirmEmpty)
				.orElseThrow(() -> notFound(slug));
			if (pushed.awaitsConfirmation()) {
				redirect.addFlashAttribute("ruleConfirmEmpty", true);
				redirect.addFlashAttribute("ruleMessage",
						"Nothing matches this rule now: push it anyway to create an empty playlist on Spotify?");
			}
			else if (pushed.failed()) {
				redirect.addFlashAttribute("ruleError", "The push failed: " + pushed.error());
			}
			else {
				redirect.addFlashAttribute("ruleMessage", PlaylistsController.describe(pushed));
			}
		}
		catch (SpotifyException | PlaylistActionException ex) {
			redirect.addFlashAttribute("ruleError", ex.getMessage());
		}
		return "redirect:" + listOf(chosen, slug);
	}

	private static String listOf(Account account, String slug) {
		return UriComponentsBuilder.fromPath("/playlists")
			.queryParam("account", account.spotifyUserId())
			.fragment("rule-" + slug)
			.encode()
			.toUriString();
	}

	/**
	 * Names for the artist input's suggestions: the library's artists that begin with
	 * what was typed.
	 */
	@GetMapping("/playlists/rules/artists")
	String artists(Authentication caller, @RequestParam(required = false) String account, HttpServletRequest request,
			Model model) {
		Account chosen = this.accounts.choose(caller, account);
		String typed = request.getParameterMap()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith("n.") && entry.getKey().endsWith(".value"))
			.map((entry) -> entry.getValue()[0])
			.findFirst()
			.orElse("");
		// in a list the last name is the one being typed
		String[] names = typed.split(RuleDraft.LIST_SEPARATOR);
		String last = (names.length > 0) ? names[names.length - 1].strip() : "";
		model.addAttribute("names", last.isEmpty() ? List.of() : this.queries.artistsStartingWith(chosen.id(), last));
		return "playlist/builder-parts :: artist-options";
	}

	private String page(Account account, RuleDraft draft, Model model) {
		return page(account, draft, model, false);
	}

	/**
	 * The builder with its preview. A rule still without a name is previewed all the
	 * same: the name matters only to a save ({@code judgeName}), not to which tracks
	 * match.
	 */
	private String page(Account account, RuleDraft draft, Model model, boolean judgeName) {
		InvalidRuleException fault = null;
		RuleBuilderView.BuilderPreview preview = null;
		try {
			PlaylistRule rule = RuleParser.parse(draft.toDocument());
			preview = preview(account, draft.slug, rule);
		}
		catch (InvalidRuleException ex) {
			fault = ex;
		}
		if (fault != null && !judgeName && draft.name.isBlank()) {
			try {
				PlaylistRule rule = RuleParser.parse(draft.toDocument(UNNAMED));
				preview = preview(account, draft.slug, rule);
				fault = null;
			}
			catch (InvalidRuleException ex) {
				fault = ex;
			}
		}
		model.addAttribute("builder", draft.view(fault, preview));
		model.addAttribute("choices", (preview != null)
				? this.summaries.choices(preview.first().stream().map(TrackSummary::trackId).toList()) : Map.of());
		// this playlist's exclusions and those of every playlist, but not the tracks
		// kept out of every playlist (the playlists page lists those)
		model.addAttribute("pageExclusions",
				this.exclusions.list(account.id())
					.stream()
					.filter((x) -> x.playlist() == null || x.playlist().equals(draft.slug))
					.toList());
		model.addAttribute("account", account);
		model.addAttribute("fields", Arrays.stream(Field.values()).map((field) -> field.json).toList());
		model.addAttribute("opsByField", opsByField());
		model.addAttribute("sortFields", Arrays.stream(SortField.values()).map((field) -> field.json).toList());
		model.addAttribute("sources",
				Arrays.stream(PlaylistRule.Source.values()).map((source) -> source.json).toList());
		return "playlist/builder";
	}

	private RuleBuilderView.BuilderPreview preview(Account account, String slug, PlaylistRule rule) {
		ZoneId zone = zone(account);
		RulePreview now = this.playlists.preview(account.id(),
				(slug != null && !slug.isBlank()) ? slug : ExclusionSql.NO_PLAYLIST, rule, zone);
		List<String> ids = now.tracks();
		List<TrackSummary> first = this.summaries.of(ids.subList(0, Math.min(PREVIEW_TRACKS, ids.size())));
		long duration = this.queries.totalDurationMs(ids);
		// the next push changes what the last push left on Spotify; a rule never pushed
		// (or not saved yet) gets a new playlist with all its tracks
		Optional<PlaylistMapping> pushed = (slug != null && !slug.isBlank()) ? this.mappings.find(account.id(), slug)
				: Optional.empty();
		if (pushed.isEmpty()) {
			return new RuleBuilderView.BuilderPreview(now.count(), now.matched(), duration, first, null, ids.size(), 0,
					List.of(), List.of());
		}
		Set<String> before = new HashSet<>(pushed.get().pushedTrackIds());
		Set<String> after = new HashSet<>(ids);
		List<String> added = ids.stream().filter((id) -> !before.contains(id)).toList();
		List<String> removed = pushed.get().pushedTrackIds().stream().filter((id) -> !after.contains(id)).toList();
		return new RuleBuilderView.BuilderPreview(now.count(), now.matched(), duration, first,
				"the playlist on Spotify", added.size(), removed.size(), this.summaries.of(firstOf(added)),
				this.summaries.of(firstOf(removed)));
	}

	private static List<String> firstOf(List<String> ids) {
		return ids.subList(0, Math.min(PREVIEW_TRACKS, ids.size()));
	}

	private static Map<String, List<String>> opsByField() {
		Map<String, List<String>> ops = new LinkedHashMap<>();
		for (Field field : Field.values()) {
			ops.put(field.json,
					Arrays.stream(Op.values()).filter((op) -> op.fits(field)).map((op) -> op.json).toList());
		}
		return ops;
	}

	private static ZoneId zone(Account account) {
		try {
			return (account.timeZone() != null) ? ZoneId.of(account.timeZone()) : ZoneOffset.UTC;
		}
		catch (DateTimeException ex) {
			return ZoneOffset.UTC;
		}
	}

	private static ResponseStatusException notFound(String slug) {
		return new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND,
				"No rule playlist " + slug + ".");
	}

}
