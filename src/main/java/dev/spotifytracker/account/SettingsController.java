package dev.spotifytracker.account;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings of the signed-in person: who else may sign in (the owner only), the time zone
 * of the dashboard's dates, and the sections other modules add ({@link SettingsSection}),
 * such as the job schedules.
 */
@Controller
class SettingsController {

	private final AccountService accounts;

	private final ObjectProvider<SettingsSection> sections;

	SettingsController(AccountService accounts, ObjectProvider<SettingsSection> sections) {
		this.accounts = accounts;
		this.sections = sections;
	}

	@GetMapping("/settings")
	String settings(Authentication caller, Model model) {
		// who else may sign in is the owner's business
		this.accounts.current(caller)
			.filter(Account::isOwner)
			.ifPresent((owner) -> model.addAttribute("invitations", this.accounts.invitations()));
		model.addAttribute("accounts", this.accounts.accessible(caller));
		this.accounts.current(caller)
			.ifPresent((viewer) -> model.addAttribute("panels",
					this.sections.orderedStream().map((section) -> section.panel(viewer)).toList()));
		return "account/settings";
	}

	@PostMapping("/settings/allowed-users")
	String allow(Authentication caller, @RequestParam(name = "spotifyUserId", required = false) String spotifyUserId,
			RedirectAttributes redirect) {
		try {
			this.accounts.allow(caller, spotifyUserId);
			redirect.addFlashAttribute("message", spotifyUserId.strip() + " may now sign in.");
		}
		catch (AccountService.InvitationException ex) {
			redirect.addFlashAttribute("allowError", ex.getMessage());
			redirect.addFlashAttribute("spotifyUserId", spotifyUserId);
		}
		return "redirect:/settings";
	}

	@PostMapping("/settings/allowed-users/remove")
	String disallow(Authentication caller, @RequestParam("spotifyUserId") String spotifyUserId,
			RedirectAttributes redirect) {
		try {
			this.accounts.disallow(caller, spotifyUserId);
			redirect.addFlashAttribute("message", spotifyUserId + " may no longer sign in.");
		}
		catch (AccountService.InvitationException ex) {
			redirect.addFlashAttribute("message", ex.getMessage());
		}
		return "redirect:/settings";
	}

	@PostMapping("/settings/time-zone")
	String timeZone(Authentication caller, @RequestParam(name = "timeZone", required = false) String timeZone,
			RedirectAttributes redirect) {
		try {
			this.accounts.changeTimeZone(caller, timeZone);
			redirect.addFlashAttribute("message", "Time zone saved.");
		}
		catch (AccountService.InvitationException ex) {
			redirect.addFlashAttribute("timeZoneError", ex.getMessage());
		}
		return "redirect:/settings";
	}

}
