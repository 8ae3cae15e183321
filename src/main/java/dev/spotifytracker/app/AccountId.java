package dev.spotifytracker.app;

/**
 * Our key of an account (the {@code accounts.id} column), shared by every module.
 */
public record AccountId(long value) {

	@Override
	public String toString() {
		return Long.toString(this.value);
	}

}
