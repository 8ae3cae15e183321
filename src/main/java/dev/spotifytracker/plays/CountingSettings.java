package dev.spotifytracker.plays;

import java.util.Map;

import dev.spotifytracker.account.Account;
import dev.spotifytracker.account.AccountService;
import dev.spotifytracker.account.SettingsPanel;
import dev.spotifytracker.account.SettingsSection;

import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Settings page's "Counting" section: the shortest imported stream that counts as a
 * play, for the signed-in person's account.
 */
@Controller
@Order(50)
class CountingSettings implements SettingsSection {

	private final CountingThreshold threshold;

	private final AccountService accounts;

	CountingSettings(CountingThreshold threshold, AccountService accounts) {
		this.threshold = threshold;
		this.accounts = accounts;
	}

	@Override
	public SettingsPanel panel(Account viewer) {
		return new SettingsPanel("plays/settings", "counting",
				Map.of("seconds", this.threshold.seconds(viewer.id()), "defaultSeconds",
						PlaySettings.DEFAULT_THRESHOLD_MS / 1000, "maxSeconds", PlaySettings.MAX_THRESHOLD_MS / 1000));
	}

	@PostMapping("/settings/counting")
	String change(Authentication caller, @RequestParam(name = "seconds", required = false) String seconds,
			RedirectAttributes redirect) {
		Account viewer = this.accounts.current(caller).orElseThrow();
		try {
			this.threshold.change(viewer.id(), seconds);
			redirect.addFlashAttribute("message", "Counting threshold saved: every figure now counts with it.");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("countingError", ex.getMessage());
		}
		return "redirect:/settings";
	}

}
