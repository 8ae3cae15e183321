package dev.spotifytracker.plays;

import java.time.OffsetDateTime;
import java.time.LocalDate;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.support.DatabaseTest;
import dev.spotifytracker.support.LibraryFixture;
import dev.spotifytracker.support.Viewers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.spotifytracker.support.LibraryFixture.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The references of plays, imported rows and rollups, held per statement since V200 (not
 * by foreign keys): what they name must exist, and deletes do what the keys did.
 */
@DatabaseTest
class PlayReferencesTest {

	private static final OffsetDateTime T = OffsetDateTime.parse("2025-03-01T12:00:00Z");

	@Autowired
	JdbcClient jdbc;

	private AccountId alice;

	private AccountId bob;

	private long aliceImport;

	@BeforeEach
	void twoAccountsAndAnImport() {
		this.alice = Viewers.owner(this.jdbc, "alice");
		this.bob = Viewers.member(this.jdbc, "bob");
		LibraryFixture.of(this.jdbc, this.alice).album("Blue", "Joni", null, "River", "Carey");
		this.aliceImport = this.jdbc.sql("insert into imports (account_id, file_name) values (?, 'a.zip') returning id")
			.param(this.alice.value())
			.query(Long.class)
			.single();
	}

	@Test
	void aPlayOfAKnownAccountTrackAndImportIsStored() {
		long play = insertPlay(this.alice.value(), id("River"), this.aliceImport);

		assertThat(this.jdbc.sql("select count(*) from plays where id = ?").param(play).query(Long.class).single())
			.isOne();
	}

	@Test
	void aPlayOfATrackNotInTheCatalogIsRefused() {
		assertThatThrownBy(() -> insertPlay(this.alice.value(), "no-such-track", null))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("names a track that does not exist");
	}

	@Test
	void aPlayOfAnUnknownAccountIsRefused() {
		assertThatThrownBy(() -> insertPlay(this.bob.value() + 1000, id("River"), null))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("names an account that does not exist");
	}

	@Test
	void aPlayOfAnUnknownImportIsRefused() {
		assertThatThrownBy(() -> insertPlay(this.alice.value(), id("River"), this.aliceImport + 1000))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("names an import that does not exist");
	}

	@Test
	void anUpdateThatMovesAPlayToAnUnknownTrackIsRefused() {
		long play = insertPlay(this.alice.value(), id("River"), null);

		assertThatThrownBy(
				() -> this.jdbc.sql("update plays set track_id = 'no-such-track' where id = ?").param(play).update())
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void anUpdateThatGivesAPlayAnUnknownImportIsRefused() {
		long play = insertPlay(this.alice.value(), id("River"), null);

		assertThatThrownBy(() -> this.jdbc.sql("update plays set import_id = ? where id = ?")
			.params(this.aliceImport + 1000, play)
			.update()).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void anImportedRowOfAnotherAccountsImportIsRefused() {
		assertThatThrownBy(() -> insertRow(this.bob.value(), null)).isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("another account's");
	}

	@Test
	void anImportedRowOfAnUnknownPlayIsRefused() {
		long play = insertPlay(this.alice.value(), id("River"), this.aliceImport);

		assertThatThrownBy(() -> insertRow(this.alice.value(), play + 1000))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("names a play that does not exist");
	}

	@Test
	void aRollupRowOfAnUnknownAccountIsRefused() {
		assertThatThrownBy(() -> insertDay(this.bob.value() + 1000)).isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("a play rollup names an account that does not exist");
	}

	@Test
	void aPlayedTrackCannotBeDeletedButAnUnplayedOneCan() {
		insertPlay(this.alice.value(), id("River"), null);

		assertThat(this.jdbc.sql("delete from tracks where id = ?").param(id("Carey")).update()).isOne();
		assertThatThrownBy(() -> this.jdbc.sql("delete from tracks where id = ?").param(id("River")).update())
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("was played");
	}

	@Test
	void aTrackPlayedByAnotherAccountOnlyCannotBeDeleted() {
		// the accounts with plays are walked one by one (V240): bob's come after alice's
		insertPlay(this.alice.value(), id("River"), null);
		insertPlay(this.bob.value(), id("Carey"), null);

		assertThatThrownBy(() -> this.jdbc.sql("delete from tracks where id = ?").param(id("Carey")).update())
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("was played");
	}

	@Test
	void deletingAnImportDeletesItsRowsAndItsPlaysForgetIt() {
		long play = insertPlay(this.alice.value(), id("River"), this.aliceImport);
		insertRow(this.alice.value(), play);

		this.jdbc.sql("delete from imports where id = ?").param(this.aliceImport).update();

		assertThat(count("import_rows")).isZero();
		assertThat(this.jdbc.sql("select count(*) from plays where id = ? and import_id is null")
			.param(play)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void deletingAnAccountDeletesItsPlaysRowsAndRollupsOnly() {
		long play = insertPlay(this.alice.value(), id("River"), this.aliceImport);
		insertRow(this.alice.value(), play);
		insertPlay(this.bob.value(), id("Carey"), null);
		insertDay(this.alice.value());

		this.jdbc.sql("delete from accounts where id = ?").param(this.alice.value()).update();

		assertThat(count("import_rows")).isZero();
		assertThat(count("play_days")).isZero();
		assertThat(this.jdbc.sql("select account_id from plays").query(Long.class).list())
			.containsExactly(this.bob.value());
	}

	@Test
	void deletingAPlayLeavesItsImportedRowWithoutIt() {
		long play = insertPlay(this.alice.value(), id("River"), this.aliceImport);
		insertRow(this.alice.value(), play);

		this.jdbc.sql("delete from plays where id = ?").param(play).update();

		assertThat(this.jdbc.sql("select count(*) from import_rows where play_id is null").query(Long.class).single())
			.isOne();
	}

	private long insertPlay(long account, String track, Long importId) {
		return this.jdbc.sql("""
				insert into plays (account_id, track_id, played_at, ms_played, source, import_id)
				values (?, ?, ?, 200000, 'history_import', ?) returning id
				""").params(account, track, T, importId).query(Long.class).single();
	}

	private void insertRow(long account, Long play) {
		this.jdbc.sql("""
				insert into import_rows (import_id, account_id, member, row_index, format, ts, ms_played, track_id,
				                         outcome, play_id)
				values (?, ?, 'a.json', 0, 'extended', ?, 200000, ?, 'added', ?)
				""").params(this.aliceImport, account, T, id("River"), play).update();
	}

	private void insertDay(long account) {
		this.jdbc.sql("""
				insert into play_days (account_id, day, track_id, plays, ms, first_played_at, last_played_at)
				values (?, ?, ?, 1, 1000, ?, ?)
				""").params(account, LocalDate.of(2025, 3, 1), id("River"), T, T).update();
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
