package dev.spotifytracker.plays;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.support.IntegrationTest;
import dev.spotifytracker.support.LibraryFixture;
import dev.spotifytracker.support.Viewers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

/**
 * The counting threshold on the Settings page: which imported streams are plays, in every
 * figure at once.
 */
@IntegrationTest
@AutoConfigureMockMvc
class CountingSettingsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Autowired
	PlayRollups rollups;

	@Autowired
	ImportRepository imports;

	@Autowired
	ImportBatchWriter writer;

	private AccountId alice;

	@BeforeEach
	void anOwnerWithAShortAndALongImportedPlay() {
		this.alice = Viewers.owner(this.jdbc, "alice");
		LibraryFixture.of(this.jdbc, this.alice).album("Album", "Artist", null, "Short one", "Long one");
		imported("Short one", "2025-05-01T10:00:00Z", 20_000);
		imported("Long one", "2025-05-01T11:00:00Z", 40_000);
		new org.springframework.transaction.support.TransactionTemplate(this.transactions)
			.executeWithoutResult((status) -> this.rollups.rebuild(this.alice));
		this.jdbc.sql("delete from playlists_due").update();
	}

	@Test
	void theSectionShowsTheDefaultOfThirtySeconds() throws Exception {
		this.mvc.perform(get("/settings").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(xpath("//input[@id='counting-seconds']/@value").string("30"));
		assertThat(countedPlays()).isEqualTo(1);
		assertThat(rolledUpPlays()).isEqualTo(1);
	}

	@Test
	void aLowerThresholdCountsTheShortPlayInThePlaysTheRollupsAndThePlaylists() throws Exception {
		// when
		this.mvc
			.perform(post("/settings/counting").param("seconds", "15").with(Viewers.signedInAs("alice")).with(csrf()))
			.andExpect(redirectedUrl("/settings"))
			.andExpect(flash().attributeExists("message"));

		// then
		assertThat(countedPlays()).isEqualTo(2);
		assertThat(rolledUpPlays()).isEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from playlists_due where account_id = ?")
			.param(this.alice.value())
			.query(Integer.class)
			.single()).isEqualTo(1);
		this.mvc.perform(get("/settings").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//input[@id='counting-seconds']/@value").string("15"));
	}

	@Test
	void aValueThatIsNoWholeNumberOfSecondsUpToTenMinutesIsRefusedWithOneSentence() throws Exception {
		for (String bad : new String[] { "abc", "-5", "601", "", "12.5", "99999999999" }) {
			this.mvc
				.perform(
						post("/settings/counting").param("seconds", bad).with(Viewers.signedInAs("alice")).with(csrf()))
				.andExpect(redirectedUrl("/settings"))
				.andExpect(flash().attribute("countingError",
						"The shortest play must be a whole number of seconds from 0 to 600."));
		}
		assertThat(countedPlays()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from play_settings").query(Integer.class).single()).isZero();
	}

	@Test
	void aLowerThresholdTurnsImportRowsThatWereTooShortIntoPlaysAndAHigherOneLeavesThemOut() throws Exception {
		// given: an import whose one row of a track unknown to the catalog was too short
		long importId = this.imports.create(this.alice, "export.zip", null);
		RawRow row = new RawRow("Streaming_History_Audio_2025.json", 0, false, Instant.parse("2025-06-01T09:00:00Z"),
				25_000, "NewTrackOfTheExport0001", "Heard Once", "Someone", "Some Album", "clickrow", "trackdone",
				false, false, false, null, false);
		this.writer.write(this.alice, importId, 30_000, List.of(row), 1, 0, Map.of(row.member(), 1),
				Map.of(row.member(), row.format()));
		assertThat(countedPlays()).isEqualTo(1);

		// when: 20 seconds count
		this.mvc
			.perform(post("/settings/counting").param("seconds", "20").with(Viewers.signedInAs("alice")).with(csrf()))
			.andExpect(redirectedUrl("/settings"));

		// then: the row is a play, of a stub under the export's names, in the rollups
		assertThat(countedPlays()).isEqualTo(3);
		assertThat(rolledUpPlays()).isEqualTo(3);
		assertThat(this.jdbc.sql("select track_name from catalog_tracks where track_id = 'NewTrackOfTheExport0001'")
			.query(String.class)
			.single()).isEqualTo("Heard Once");
		assertThat(this.jdbc.sql("select outcome from import_rows").query(String.class).single()).isEqualTo("added");

		// when: 60 seconds count
		this.mvc
			.perform(post("/settings/counting").param("seconds", "60").with(Viewers.signedInAs("alice")).with(csrf()))
			.andExpect(redirectedUrl("/settings"));

		// then: no imported play is long enough, nothing is deleted
		assertThat(countedPlays()).isZero();
		assertThat(rolledUpPlays()).isZero();
		assertThat(this.jdbc.sql("select count(*) from plays").query(Integer.class).single()).isEqualTo(3);
	}

	private void imported(String track, String at, int msPlayed) {
		Timestamp playedAt = Timestamp.from(Instant.parse(at));
		this.jdbc.sql("""
				insert into plays (account_id, track_id, played_at, ms_played, source, export_ts)
				values (?, ?, ?, ?, 'history_import', ?)
				""").params(this.alice.value(), LibraryFixture.id(track), playedAt, msPlayed, playedAt).update();
	}

	private int countedPlays() {
		return this.jdbc.sql("select count(*) from counted_plays where account_id = ?")
			.param(this.alice.value())
			.query(Integer.class)
			.single();
	}

	private int rolledUpPlays() {
		return this.jdbc.sql("select coalesce(sum(plays), 0) from play_day_figures where account_id = ?")
			.param(this.alice.value())
			.query(Integer.class)
			.single();
	}

}
