package dev.spotifytracker.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import dev.spotifytracker.account.Account;
import dev.spotifytracker.account.AccountChoice;
import dev.spotifytracker.account.AccountService;
import dev.spotifytracker.account.DisplayZones;
import dev.spotifytracker.app.AccountId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

/**
 * What a page needs around its controller in a {@link PageSliceTest}: the real layout
 * advice, error pages, account choice and time zones, over the account module's service
 * (a mock, which {@link #signedIn} sets up) and a fixed clock.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ ErrorPages.class, AccountChoice.class, DisplayZones.class })
public class PageSlice {

	/** Now, for every page of a slice. */
	public static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

	@Bean
	Clock clock() {
		return Clock.fixed(NOW, ZoneOffset.UTC);
	}

	/**
	 * Makes the mocked account service answer for one signed-in owner, as the account
	 * module would: their account is the current one and the only one they see.
	 * @return that account
	 */
	public static Account signedIn(AccountService accounts, String spotifyUserId, String timeZone) {
		Account account = new Account(new AccountId(1), spotifyUserId,
				Character.toUpperCase(spotifyUserId.charAt(0)) + spotifyUserId.substring(1), Account.Role.OWNER,
				NOW.minusSeconds(86_400), true, false, null, null, timeZone, NOW.minusSeconds(86_400));
		when(accounts.current(any())).thenReturn(Optional.of(account));
		when(accounts.accessible(any())).thenReturn(List.of(account));
		when(accounts.findBySpotifyUserId(spotifyUserId)).thenReturn(Optional.of(account));
		when(accounts.find(account.id())).thenReturn(Optional.of(account));
		when(accounts.requireAccess(any(), eq(account.id()))).thenReturn(account);
		when(accounts.canAccess(any(), eq(account.id()))).thenReturn(true);
		return account;
	}

}
