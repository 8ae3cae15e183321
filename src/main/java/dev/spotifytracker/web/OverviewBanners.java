package dev.spotifytracker.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.spotifytracker.account.Account;
import dev.spotifytracker.account.DateDisplay;
import dev.spotifytracker.plays.PlayGapWarning;

/**
 * Decides which banners an account's overview shows: sign in again, a refresh token about
 * to lapse (Spotify's lapse six months after the authorization; warned 14 days ahead),
 * Spotify asking to wait (rate limit or quota), a possible gap in the play history (the
 * last plays run found one), a smart playlist removed on Spotify.
 */
final class OverviewBanners {

	/** How long Spotify's refresh tokens live. */
	static final int TOKEN_LIFETIME_MONTHS = 6;

	/** How early the overview warns before a refresh token lapses. */
	static final Duration TOKEN_WARNING = Duration.ofDays(14);

	static final String SIGN_IN = "/oauth2/authorization/spotify";

	private OverviewBanners() {
	}

	/**
	 * @param own whether the viewer looks at their own account (only they can sign it in)
	 * @param gap the gap the account's last poll of its plays warned about, or null
	 * @param removedPlaylists names of smart playlists whose Spotify playlist was removed
	 * @param dates formats the instants in the viewer's time zone; its clock is "now"
	 */
	static List<Banner> of(Account account, boolean own, PlayGapWarning gap, List<String> removedPlaylists,
			DateDisplay dates, Instant now) {
		List<Banner> banners = new ArrayList<>();
		String whose = own ? "Your" : account.name() + "'s";
		String signIn = own ? SIGN_IN : null;
		if (account.needsSignIn() || !account.hasRefreshToken()) {
			banners.add(new Banner("sign-in", "error",
					whose + " Spotify sign-in no longer works, so this account's jobs have stopped. "
							+ (own ? "Sign in again to resume them." : account.name() + " must sign in again."),
					signIn, "Sign in with Spotify"));
		}
		else if (account.authorizedAt() != null) {
			Instant lapses = tokenLapses(account.authorizedAt());
			if (!now.isBefore(lapses.minus(TOKEN_WARNING))) {
				boolean lapsed = !now.isBefore(lapses);
				banners.add(new Banner("token-expiry", lapsed ? "error" : "warn", whose + " Spotify sign-in "
						+ (lapsed ? "lapsed on " : "lapses on ") + dates.dateTime(lapses)
						+ ", six months after it was given. "
						+ (own ? "Sign in again to keep the jobs running." : account.name() + " should sign in again."),
						signIn, "Sign in again"));
			}
		}
		if (account.notBefore() != null && account.notBefore().isAfter(now)) {
			String reason = (account.notBeforeReason() != null) ? " (" + account.notBeforeReason() + ")" : "";
			banners
				.add(new Banner(
						"on-hold", "warn", "Spotify asked us to wait" + reason
								+ ": this account's jobs are paused until " + dates.dateTime(account.notBefore()) + ".",
						null, null));
		}
		if (gap != null) {
			banners.add(gap(gap, dates));
		}
		for (String playlist : removedPlaylists) {
			banners.add(new Banner("playlist-removed", "warn",
					"The playlist \"" + playlist + "\" was removed on Spotify, so its smart playlist is not pushed.",
					"/playlists?account=" + account.spotifyUserId(), "Recreate or relink it"));
		}
		return banners;
	}

	static Instant tokenLapses(Instant authorizedAt) {
		return authorizedAt.atZone(ZoneOffset.UTC).plusMonths(TOKEN_LIFETIME_MONTHS).toInstant();
	}

	private static Banner gap(PlayGapWarning gap, DateDisplay dates) {
		String between = (gap.from() != null && gap.to() != null)
				? " between " + dates.dateTime(gap.from()) + " and " + dates.dateTime(gap.to()) : "";
		return new Banner("play-gap", "warn", "Plays" + between
				+ " may be missing: Spotify keeps only your last 50 plays, and more than that came between two checks.",
				"/jobs/runs/" + gap.runId(), "See the run");
	}

}
