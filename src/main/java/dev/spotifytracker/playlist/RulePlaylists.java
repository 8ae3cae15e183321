package dev.spotifytracker.playlist;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.playlist.PlaylistQueries.RuleSelection;
import dev.spotifytracker.playlist.RulePlaylistRefusedException.Reason;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's rule playlists: the six built-ins as read-only templates, and its own
 * rules, validated on every write (nothing is stored when a rule is refused) and
 * previewed without a Spotify call.
 */
@Service
class RulePlaylists {

	/** The most rule playlists of its own an account may hold. */
	static final int MAX_PER_ACCOUNT = 20;

	private final RulePlaylistRepository repository;

	private final RuleSettingsRepository settings;

	private final PlaylistQueries builtInQueries;

	private final RuleQueries ruleQueries;

	private final PlaylistsDue due;

	private final PlaylistMappingRepository mappings;

	private final PlaylistCreations creations;

	private final PlaylistExclusionRepository exclusions;

	private final Clock clock;

	RulePlaylists(RulePlaylistRepository repository, RuleSettingsRepository settings, PlaylistQueries builtInQueries,
			RuleQueries ruleQueries, PlaylistsDue due, PlaylistMappingRepository mappings, PlaylistCreations creations,
			PlaylistExclusionRepository exclusions, Clock clock) {
		this.exclusions = exclusions;
		this.due = due;
		this.mappings = mappings;
		this.creations = creations;
		this.repository = repository;
		this.settings = settings;
		this.builtInQueries = builtInQueries;
		this.ruleQueries = ruleQueries;
		this.clock = clock;
	}

	/** The built-ins (with the account's settings) first, then the account's own. */
	List<RulePlaylistView> list(AccountId account) {
		List<RulePlaylistView> all = new ArrayList<>();
		this.settings.findAll(account).values().forEach((ruleSettings) -> all.add(builtIn(ruleSettings)));
		this.repository.findAll(account).forEach((stored) -> all.add(own(stored)));
		return all;
	}

	boolean exists(AccountId account, String slug) {
		return this.repository.find(account, slug).isPresent();
	}

	Optional<RulePlaylistView> find(AccountId account, String slug) {
		Optional<SmartPlaylistRule> builtIn = SmartPlaylistRule.bySlug(slug);
		if (builtIn.isPresent()) {
			return Optional.of(builtIn(this.settings.findAll(account).get(builtIn.get())));
		}
		return this.repository.find(account, slug).map(RulePlaylists::own);
	}

	/**
	 * @throws InvalidRuleException when the document breaks the grammar
	 * @throws RulePlaylistRefusedException when the account holds 20 already
	 */
	@Transactional
	RulePlaylistView create(AccountId account, String document) {
		PlaylistRule rule = RuleParser.parse(document);
		this.repository.lock(account);
		List<StoredRulePlaylist> existing = this.repository.findAll(account);
		if (existing.size() >= MAX_PER_ACCOUNT) {
			throw new RulePlaylistRefusedException(Reason.TOO_MANY,
					"An account holds at most " + MAX_PER_ACCOUNT + " rule playlists; delete one first.");
		}
		Set<String> taken = new HashSet<>();
		existing.forEach((stored) -> taken.add(stored.slug()));
		Arrays.stream(SmartPlaylistRule.values()).forEach((builtIn) -> taken.add(builtIn.slug()));
		String slug = Slugs.unique(rule.name(), taken);
		this.repository.insert(account, slug, rule.name(), document);
		// the next cycle's playlists run pushes it
		this.due.mark(account);
		return new RulePlaylistView(slug, rule.name(), false, document);
	}

	/**
	 * Replaces the rule; the slug stays.
	 */
	@Transactional
	RulePlaylistView update(AccountId account, String slug, String document) {
		refuseBuiltIn(slug);
		PlaylistRule rule = RuleParser.parse(document);
		if (!this.repository.update(account, slug, rule.name(), document)) {
			throw notFound(slug);
		}
		this.due.mark(account);
		return new RulePlaylistView(slug, rule.name(), false, document);
	}

	/**
	 * Deletes the rule and forgets its Spotify playlist (the playlist itself is left as
	 * it is: see {@link PlaylistService#deleteRulePlaylist}), so a later rule of the same
	 * name starts a playlist of its own.
	 */
	@Transactional
	void delete(AccountId account, String slug) {
		refuseBuiltIn(slug);
		if (!this.repository.delete(account, slug)) {
			throw notFound(slug);
		}
		this.mappings.forget(account, slug);
		this.creations.forget(account, slug);
		this.exclusions.forget(account, slug);
	}

	/**
	 * What the playlist holds now; no Spotify call.
	 * @param zone the account's zone, for dates written without a time
	 */
	RulePreview preview(AccountId account, String slug, ZoneId zone) {
		Optional<SmartPlaylistRule> builtIn = SmartPlaylistRule.bySlug(slug);
		RuleSelection selection;
		if (builtIn.isPresent()) {
			// the built-ins keep their own queries: their results are issue 6's contract
			selection = this.builtInQueries.select(account, this.settings.findAll(account).get(builtIn.get()),
					this.clock.instant());
		}
		else {
			StoredRulePlaylist stored = this.repository.find(account, slug).orElseThrow(() -> notFound(slug));
			selection = this.ruleQueries.select(account, slug, RuleParser.parse(stored.document()),
					this.clock.instant(), zone);
		}
		return new RulePreview(selection.trackIds().size(), selection.matching(), selection.trackIds());
	}

	/**
	 * What a rule not yet stored would hold (the builder's live preview).
	 */
	RulePreview preview(AccountId account, PlaylistRule rule, ZoneId zone) {
		return preview(account, ExclusionSql.NO_PLAYLIST, rule, zone);
	}

	/**
	 * What a rule being edited would hold, with the exclusions of the playlist it edits.
	 * @param slug the stored rule's slug, or {@link ExclusionSql#NO_PLAYLIST} for a new
	 * rule
	 */
	RulePreview preview(AccountId account, String slug, PlaylistRule rule, ZoneId zone) {
		RuleSelection selection = this.ruleQueries.select(account, slug, rule, this.clock.instant(), zone);
		return new RulePreview(selection.trackIds().size(), selection.matching(), selection.trackIds());
	}

	static void refuseBuiltIn(String slug) {
		if (SmartPlaylistRule.bySlug(slug).isPresent()) {
			throw new RulePlaylistRefusedException(Reason.READ_ONLY,
					"The built-in playlist " + slug + " is a read-only template; copy it to change it.");
		}
	}

	private static RulePlaylistRefusedException notFound(String slug) {
		return new RulePlaylistRefusedException(Reason.NOT_FOUND, "No rule playlist " + slug + ".");
	}

	private static RulePlaylistView builtIn(RuleSettings ruleSettings) {
		return new RulePlaylistView(ruleSettings.rule().slug(), ruleSettings.rule().displayName(), true,
				BuiltInRules.document(ruleSettings));
	}

	private static RulePlaylistView own(StoredRulePlaylist stored) {
		return new RulePlaylistView(stored.slug(), stored.name(), false, stored.document());
	}

}
