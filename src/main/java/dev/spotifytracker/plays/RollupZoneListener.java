package dev.spotifytracker.plays;

import dev.spotifytracker.account.AccountTimeZoneChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds an account's play rollups in the transaction that changed its time zone: their
 * local days are the zone's.
 */
@Component
class RollupZoneListener {

	private final PlayRollups rollups;

	RollupZoneListener(PlayRollups rollups) {
		this.rollups = rollups;
	}

	@EventListener
	@Transactional
	void zoneChanged(AccountTimeZoneChanged event) {
		this.rollups.rebuild(event.account());
	}

}
