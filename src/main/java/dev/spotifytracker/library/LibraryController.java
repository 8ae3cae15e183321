package dev.spotifytracker.library;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.spotifytracker.account.Account;
import dev.spotifytracker.account.AccountChoice;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The library page: search the tracks, albums and artists of an account's library, see
 * one track in full, and keep a track out of (or let it back into) the smart playlists.
 */
@Controller
class LibraryController {

	static final int PAGE_SIZE = 50;

	private final AccountChoice accounts;

	private final LibraryService library;

	private final ObjectProvider<TrackPlayFigures> plays;

	private final ObjectProvider<TrackExclusions> exclusions;

	LibraryController(AccountChoice accounts, LibraryService library, ObjectProvider<TrackPlayFigures> plays,
			ObjectProvider<TrackExclusions> exclusions) {
		this.accounts = accounts;
		this.library = library;
		this.plays = plays;
		this.exclusions = exclusions;
	}

	@GetMapping("/library")
	String library(Authentication caller, @RequestParam(required = false) String account,
			@RequestParam(defaultValue = "") @Size(max = 200) String q,
			@RequestParam(defaultValue = "tracks") String kind,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page, Model model) {
		Account chosen = this.accounts.choose(caller, account, model);
		Kind shown = Kind.of(kind);
		String query = q.strip();
		int offset = page * PAGE_SIZE;
		boolean hasMore = switch (shown) {
			case TRACKS -> {
				List<LibraryTrack> found = this.library.searchTracks(chosen.id(), query, PAGE_SIZE + 1, offset);
				List<LibraryTrack> tracks = found.subList(0, Math.min(PAGE_SIZE, found.size()));
				model.addAttribute("tracks", tracks);
				model.addAttribute("plays", playFigures(chosen, tracks.stream().map(LibraryTrack::id).toList()));
				model.addAttribute("excluded", excluded(chosen));
				yield found.size() > PAGE_SIZE;
			}
			case ALBUMS -> {
				var found = this.library.searchAlbums(chosen.id(), query, PAGE_SIZE + 1, offset);
				model.addAttribute("albums", found.subList(0, Math.min(PAGE_SIZE, found.size())));
				yield found.size() > PAGE_SIZE;
			}
			case ARTISTS -> {
				var found = this.library.searchArtists(chosen.id(), query, PAGE_SIZE + 1, offset);
				model.addAttribute("artists", found.subList(0, Math.min(PAGE_SIZE, found.size())));
				yield found.size() > PAGE_SIZE;
			}
		};
		model.addAttribute("q", query);
		model.addAttribute("kind", shown.value());
		model.addAttribute("page", page);
		model.addAttribute("hasMore", hasMore);
		model.addAttribute("previousUrl", pageUrl(chosen, query, shown, page - 1));
		model.addAttribute("nextUrl", pageUrl(chosen, query, shown, page + 1));
		model.addAttribute("here", pageUrl(chosen, query, shown, page));
		return "library/list";
	}

	@GetMapping("/library/tracks/{trackId}")
	String track(Authentication caller, @RequestParam(required = false) String account, @PathVariable String trackId,
			Model model) {
		Account chosen = this.accounts.choose(caller, account, model);
		TrackDetail track = this.library.track(chosen.id(), trackId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "This track is not stored."));
		model.addAttribute("track", track);
		model.addAttribute("played", playFigures(chosen, List.of(track.id())).get(track.id()));
		model.addAttribute("excluded", excluded(chosen).contains(track.id()));
		model.addAttribute("here",
				UriComponentsBuilder.fromPath("/library/tracks/{id}")
					.queryParam("account", chosen.spotifyUserId())
					.buildAndExpand(track.id())
					.encode()
					.toUriString());
		return "library/track";
	}

	private Map<String, TrackPlays> playFigures(Account account, List<String> trackIds) {
		TrackPlayFigures figures = this.plays.getIfAvailable();
		return (figures != null) ? figures.forTracks(account.id(), trackIds) : Map.of();
	}

	private Set<String> excluded(Account account) {
		TrackExclusions excluded = this.exclusions.getIfAvailable();
		return (excluded != null) ? excluded.excludedTrackIds(account.id()) : Set.of();
	}

	private static String pageUrl(Account account, String query, Kind kind, int page) {
		return UriComponentsBuilder.fromPath("/library")
			.queryParam("account", account.spotifyUserId())
			.queryParam("kind", kind.value())
			.queryParam("q", query)
			.queryParam("page", page)
			// built before encoding: the builder's own encode() would take "{" in a
			// search for a URI variable
			.build()
			.encode()
			.toUriString();
	}

	/**
	 * What the library page lists.
	 */
	enum Kind {

		TRACKS, ALBUMS, ARTISTS;

		static final Set<String> VALUES = Set.of("tracks", "albums", "artists");

		String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Kind of(String value) {
			if (!VALUES.contains(value)) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
						"'" + value + "' is not a valid value for 'kind': use tracks, albums or artists.");
			}
			return valueOf(value.toUpperCase(Locale.ROOT));
		}

	}

}
