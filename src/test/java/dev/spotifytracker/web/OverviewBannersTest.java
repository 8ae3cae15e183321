package dev.spotifytracker.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.spotifytracker.account.Account;
import dev.spotifytracker.account.DateDisplay;
import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.plays.PlayGapWarning;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OverviewBannersTest {

	private static final Instant NOW = Instant.parse("2026-07-01T12:00:00Z");

	private final DateDisplay dates = DateDisplay.in(ZoneOffset.UTC, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void aHealthyAccountHasNoBanner() {
		assertThat(banners(account(NOW.minus(Duration.ofDays(30)), false, null), null, List.of())).isEmpty();
	}

	@Test
	void anAccountThatMustSignInAgainSaysSoWithTheWayToDoIt() {
		List<Banner> banners = banners(account(NOW, true, null), null, List.of());

		assertThat(banners).singleElement().satisfies((banner) -> {
			assertThat(banner.kind()).isEqualTo("sign-in");
			assertThat(banner.level()).isEqualTo("error");
			assertThat(banner.link()).isEqualTo(OverviewBanners.SIGN_IN);
		});
	}

	@Test
	void aRefreshTokenIsWarnedAbout14DaysBeforeItLapses() {
		Instant authorized = Instant.parse("2026-01-14T12:00:00Z");
		Instant justBefore = Instant.parse("2026-01-15T12:00:01Z");

		assertThat(banners(account(justBefore, false, null), null, List.of())).isEmpty();
		assertThat(banners(account(authorized, false, null), null, List.of())).singleElement().satisfies((banner) -> {
			assertThat(banner.kind()).isEqualTo("token-expiry");
			assertThat(banner.level()).isEqualTo("warn");
			assertThat(banner.text()).contains("lapses on 14 Jul 2026, 12:00");
		});
	}

	@Test
	void aLapsedRefreshTokenIsAnError() {
		assertThat(banners(account(Instant.parse("2025-12-01T00:00:00Z"), false, null), null, List.of()))
			.singleElement()
			.satisfies((banner) -> assertThat(banner.level()).isEqualTo("error"));
	}

	@Test
	void anUnknownAuthorizationTimeWarnsOfNothing() {
		assertThat(banners(account(null, false, null), null, List.of())).isEmpty();
	}

	@Test
	void aHoldFromSpotifyShowsUntilWhen() {
		Account held = account(NOW, false, NOW.plus(Duration.ofHours(3)));

		assertThat(banners(held, null, List.of())).singleElement().satisfies((banner) -> {
			assertThat(banner.kind()).isEqualTo("on-hold");
			assertThat(banner.text()).contains("QUOTA_EXCEEDED").contains("1 Jul 2026, 15:00");
		});
		assertThat(banners(account(NOW, false, NOW.minusSeconds(1)), null, List.of())).isEmpty();
	}

	@Test
	void aGapTheLastPollWarnedAboutIsShownWithItsTimes() {
		PlayGapWarning gap = new PlayGapWarning(Instant.parse("2026-06-30T08:00:00Z"),
				Instant.parse("2026-07-01T09:00:00Z"), 7);

		assertThat(banners(account(NOW, false, null), gap, List.of())).singleElement().satisfies((banner) -> {
			assertThat(banner.kind()).isEqualTo("play-gap");
			assertThat(banner.text()).contains("between 30 Jun 2026, 08:00 and 1 Jul 2026, 09:00");
			assertThat(banner.link()).isEqualTo("/jobs/runs/7");
		});
	}

	@Test
	void aPlaylistRemovedOnSpotifyPointsToThePlaylistsPage() {
		assertThat(banners(account(NOW, false, null), null, List.of("Never Played"))).singleElement()
			.satisfies((banner) -> {
				assertThat(banner.kind()).isEqualTo("playlist-removed");
				assertThat(banner.text()).contains("\"Never Played\"");
				assertThat(banner.link()).isEqualTo("/playlists?account=alice");
			});
	}

	@Test
	void onlyTheAccountsOwnerIsOfferedTheSignIn() {
		assertThat(OverviewBanners.of(account(NOW, true, null), false, null, List.of(), this.dates, NOW))
			.singleElement()
			.satisfies((banner) -> {
				assertThat(banner.link()).isNull();
				assertThat(banner.text()).contains("Alice must sign in again");
			});
	}

	private List<Banner> banners(Account account, PlayGapWarning gap, List<String> removed) {
		return OverviewBanners.of(account, true, gap, removed, this.dates, NOW);
	}

	private static Account account(Instant authorizedAt, boolean needsSignIn, Instant notBefore) {
		return new Account(new AccountId(1), "alice", "Alice", Account.Role.OWNER, authorizedAt, true, needsSignIn,
				notBefore, (notBefore != null) ? "QUOTA_EXCEEDED" : null, null, NOW);
	}

}
