package dev.spotifytracker.playlist;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.spotifytracker.account.Account;
import dev.spotifytracker.account.AccountService;
import dev.spotifytracker.app.AccountId;

import org.springframework.stereotype.Component;

/**
 * Which smart playlists of an account a push covers: the enabled built-ins, then the
 * account's rule playlists, each as a {@link PushTarget}.
 */
@Component
class PushTargets {

	static final String RULE_DESCRIPTION = "A rule playlist. Updated automatically by Spotify Tracker; "
			+ "edits made here are overwritten.";

	private final RuleSettingsRepository settings;

	private final PlaylistQueries builtInQueries;

	private final RulePlaylistRepository rules;

	private final RuleQueries ruleQueries;

	private final AccountService accounts;

	PushTargets(RuleSettingsRepository settings, PlaylistQueries builtInQueries, RulePlaylistRepository rules,
			RuleQueries ruleQueries, AccountService accounts) {
		this.settings = settings;
		this.builtInQueries = builtInQueries;
		this.rules = rules;
		this.ruleQueries = ruleQueries;
		this.accounts = accounts;
	}

	/**
	 * What a playlists run pushes: the enabled built-ins and every rule playlist (a rule
	 * playlist whose first result is empty waits for the user's confirmation).
	 */
	List<PushTarget> scheduled(AccountId account) {
		List<PushTarget> targets = new ArrayList<>();
		this.settings.findAll(account)
			.values()
			.stream()
			.filter(RuleSettings::enabled)
			.forEach((ruleSettings) -> targets.add(builtIn(account, ruleSettings)));
		this.rules.findAll(account).forEach((stored) -> targets.add(own(account, stored)));
		return targets;
	}

	PushTarget builtIn(AccountId account, RuleSettings ruleSettings) {
		SmartPlaylistRule rule = ruleSettings.rule();
		return new PushTarget(rule.slug(), rule.displayName(), rule.playlistDescription(ruleSettings), true,
				(now) -> this.builtInQueries.select(account, ruleSettings, now).trackIds());
	}

	/**
	 * A built-in (with the account's settings) or a rule playlist of the account, by
	 * slug.
	 */
	Optional<PushTarget> find(AccountId account, String slug) {
		Optional<SmartPlaylistRule> builtIn = SmartPlaylistRule.bySlug(slug);
		if (builtIn.isPresent()) {
			return Optional.of(builtIn(account, this.settings.find(account, builtIn.get())));
		}
		return this.rules.find(account, slug).map((stored) -> own(account, stored));
	}

	/**
	 * The stored document is parsed at each push, so a push always follows the rule as it
	 * is now; a document that no longer parses fails that push only.
	 */
	private PushTarget own(AccountId account, StoredRulePlaylist stored) {
		return new PushTarget(stored.slug(), stored.name(), RULE_DESCRIPTION, false,
				(now) -> this.ruleQueries
					.select(account, stored.slug(), RuleParser.parse(stored.document()), now, zone(account))
					.trackIds());
	}

	private ZoneId zone(AccountId account) {
		Optional<String> zone = this.accounts.find(account).map(Account::timeZone);
		try {
			return zone.isPresent() ? ZoneId.of(zone.get()) : ZoneOffset.UTC;
		}
		catch (DateTimeException ex) {
			return ZoneOffset.UTC;
		}
	}

}
