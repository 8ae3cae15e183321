package dev.spotifytracker.account;

/**
 * A section another module adds to the Settings page, so a setting lives with the module
 * that owns it (the job schedules with the job runner, say) and the account module need
 * not know them. Sections are shown in their {@code @Order}.
 */
public interface SettingsSection {

	/**
	 * @param viewer the signed-in person
	 * @return what to show them
	 */
	SettingsPanel panel(Account viewer);

}
