package dev.spotifytracker.plays;

import dev.spotifytracker.app.AccountId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets a large import build the account's rollups once, at its end, instead of in every
 * batch ({@link PlayRollups#changed} per batch took a fifth of a 250,000-row import).
 * <p>
 * The rollups' contract stays whole. {@link PlayRollups} keeps rollups equal to the plays
 * only for an account marked in {@code play_rollup_accounts}; an account without the mark
 * has no rollup rows, and the report, the rule playlists and {@code track_play_counts}
 * read its raw plays (the "not built yet" state every new account starts in, and the one
 * V120 leaves behind). So a batch that changes plays while the import defers its rollups
 * {@link #suspend}s them in its own transaction: the mark and the account's rollup rows
 * go, and every reader counts the plays from then on. At the end of the import, succeeded
 * or failed, {@link #resume} rebuilds them in one transaction. If the service stops or
 * crashes before that, the account stays unmarked: correct, only slower to read, until
 * the resumed import ends or the next poll's {@link PlayRollups#changed} rebuilds them
 * (it rebuilds an unmarked account). A poll during the import may rebuild and mark them;
 * the next batch that changes plays drops them again.
 * <p>
 * Both take {@link PlayRollups}' advisory lock of the account, so a concurrent rebuild (a
 * poll, a change of time zone) either sees the batch's plays or is dropped by it.
 */
@Component
class DeferredRollups {

	private final PlayRollups rollups;

	private final TransactionTemplate transaction;

	DeferredRollups(PlayRollups rollups, PlatformTransactionManager transactions) {
		this.rollups = rollups;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Drops the account's rollups and their mark, in the caller's transaction (which
	 * changed plays): until {@link #resume}, readers count the plays. Call it after the
	 * transaction's last write of plays, as {@link PlayRollups#changed} is called, so the
	 * lock is held for the shortest time.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void suspend(AccountId account) {
		this.rollups.drop(account);
	}

	/**
	 * Rebuilds the account's rollups in a transaction of its own, unless they are built
	 * (nothing suspended them, or a poll rebuilt them since).
	 * @return whether they were rebuilt
	 */
	boolean resume(AccountId account) {
		return Boolean.TRUE.equals(this.transaction.execute((status) -> this.rollups.rebuildIfDropped(account)));
	}

}
