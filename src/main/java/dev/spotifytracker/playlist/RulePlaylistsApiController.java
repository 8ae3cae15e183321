package dev.spotifytracker.playlist;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.spotifytracker.account.Account;
import dev.spotifytracker.account.AccountChoice;
import dev.spotifytracker.account.AccountService;
import dev.spotifytracker.spotify.SpotifyException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rule playlists as JSON for scripts and backups (DESIGN.md, RULES.md "The API's
 * shapes"): the bearer token acts as the owner; a session for the accounts its person may
 * see. {@code account} is a Spotify user id, default the caller's own.
 */
@RestController
@RequestMapping("/api/playlists")
class RulePlaylistsApiController {

	private static final String API_AUTHORITY = "ROLE_API";

	private final RulePlaylists playlists;

	private final PlaylistService service;

	private final AccountChoice choice;

	private final AccountService accounts;

	private final JsonMapper json;

	RulePlaylistsApiController(RulePlaylists playlists, PlaylistService service, AccountChoice choice,
			AccountService accounts, JsonMapper json) {
		this.playlists = playlists;
		this.service = service;
		this.choice = choice;
		this.accounts = accounts;
		this.json = json;
	}

	@GetMapping
	Map<String, List<PlaylistBody>> list(@RequestParam(required = false) String account, Authentication caller) {
		return Map.of("playlists",
				this.playlists.list(account(caller, account).id()).stream().map(this::body).toList());
	}

	@PostMapping
	ResponseEntity<PlaylistBody> create(@RequestBody(required = false) String document,
			@RequestParam(required = false) String account, Authentication caller) {
		RulePlaylistView created = this.playlists.create(account(caller, account).id(), required(document));
		return ResponseEntity.created(URI.create("/api/playlists/" + created.slug())).body(body(created));
	}

	@GetMapping("/{slug}")
	PlaylistBody get(@PathVariable String slug, @RequestParam(required = false) String account, Authentication caller) {
		return this.playlists.find(account(caller, account).id(), slug)
			.map(this::body)
			.orElseThrow(() -> notFound(slug));
	}

	@PutMapping("/{slug}")
	PlaylistBody replace(@PathVariable String slug, @RequestBody(required = false) String document,
			@RequestParam(required = false) String account, Authentication caller) {
		return body(this.playlists.update(account(caller, account).id(), slug, required(document)));
	}

	/**
	 * Deletes the rule playlist; its Spotify playlist is kept (no longer updated) unless
	 * {@code unfollow=true} removes it from the user's Spotify library. 502 when that
	 * failed: then nothing is deleted.
	 */
	@DeleteMapping("/{slug}")
	ResponseEntity<Void> delete(@PathVariable String slug, @RequestParam(defaultValue = "false") boolean unfollow,
			@RequestParam(required = false) String account, Authentication caller) {
		this.service.deleteRulePlaylist(account(caller, account).id(), slug, unfollow);
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(SpotifyException.class)
	ResponseEntity<ErrorBody> spotifyFailed(SpotifyException ex) {
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
			.body(new ErrorBody("Spotify did not do it, nothing was changed: " + ex.getMessage(), null));
	}

	@GetMapping("/{slug}/preview")
	RulePreview preview(@PathVariable String slug, @RequestParam(required = false) String account,
			Authentication caller) {
		Account chosen = account(caller, account);
		return this.playlists.preview(chosen.id(), slug, zone(chosen));
	}

	/**
	 * Pushes the playlist to Spotify now (a built-in or a rule playlist): 200 with what
	 * the push did; 409 when a first push would create an empty playlist (repeat with
	 * {@code confirmEmpty=true}) or a playlists run of the account is going on; 502 when
	 * a Spotify call failed (the next push replaces the playlist in full).
	 */
	@PostMapping("/{slug}/push")
	ResponseEntity<Map<String, Object>> push(@PathVariable String slug,
			@RequestParam(defaultValue = "false") boolean confirmEmpty, @RequestParam(required = false) String account,
			Authentication caller) {
		PublishOutcome outcome = this.service.pushNow(account(caller, account).id(), slug, confirmEmpty)
			.orElseThrow(() -> notFound(slug));
		Map<String, Object> body = outcome.toDetail();
		if (outcome.awaitsConfirmation()) {
			body.put("error", "The playlist's result is empty: push again with confirmEmpty=true "
					+ "to create an empty playlist on Spotify.");
			return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
		}
		if (outcome.failed()) {
			return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(body);
		}
		return ResponseEntity.ok(body);
	}

	@ExceptionHandler(PlaylistActionException.class)
	ResponseEntity<ErrorBody> busy(PlaylistActionException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(new ErrorBody(ex.getMessage(), null));
	}

	@ExceptionHandler(InvalidRuleException.class)
	ResponseEntity<ErrorBody> invalid(InvalidRuleException ex) {
		return ResponseEntity.badRequest().body(new ErrorBody(ex.getMessage(), ex.path()));
	}

	@ExceptionHandler(RulePlaylistRefusedException.class)
	ResponseEntity<ErrorBody> refused(RulePlaylistRefusedException ex) {
		return switch (ex.reason()) {
			case NOT_FOUND -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ErrorBody(ex.getMessage(), null));
			case READ_ONLY -> ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
				.header(HttpHeaders.ALLOW, "GET")
				.body(new ErrorBody(ex.getMessage(), null));
			case TOO_MANY -> ResponseEntity.status(HttpStatus.CONFLICT).body(new ErrorBody(ex.getMessage(), null));
		};
	}

	/**
	 * The named account, or the caller's own; the token's own is the owner's.
	 */
	private Account account(Authentication caller, String spotifyUserId) {
		boolean token = caller != null
				&& caller.getAuthorities().stream().anyMatch((role) -> API_AUTHORITY.equals(role.getAuthority()));
		if (token && (spotifyUserId == null || spotifyUserId.isBlank())) {
			return this.accounts.accessible(caller)
				.stream()
				.filter(Account::isOwner)
				.findFirst()
				.orElseThrow(() -> new AccessDeniedException("No owner account yet"));
		}
		return this.choice.choose(caller, spotifyUserId);
	}

	private static ZoneId zone(Account account) {
		try {
			return (account.timeZone() != null) ? ZoneId.of(account.timeZone()) : ZoneOffset.UTC;
		}
		catch (DateTimeException ex) {
			return ZoneOffset.UTC;
		}
	}

	private static String required(String document) {
		if (document == null || document.isBlank()) {
			throw new InvalidRuleException("The request body must be the rule's JSON document.", "");
		}
		return document;
	}

	private static RulePlaylistRefusedException notFound(String slug) {
		return new RulePlaylistRefusedException(RulePlaylistRefusedException.Reason.NOT_FOUND,
				"No rule playlist " + slug + ".");
	}

	private PlaylistBody body(RulePlaylistView view) {
		return new PlaylistBody(view.slug(), view.name(), view.builtIn(), this.json.readTree(view.document()));
	}

	record PlaylistBody(String slug, String name, boolean builtIn, JsonNode rule) {

	}

	/**
	 * @param path where the fault is (RULES.md, "Errors"); absent when the fault is not
	 * in the document
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ErrorBody(String error, String path) {

	}

}
