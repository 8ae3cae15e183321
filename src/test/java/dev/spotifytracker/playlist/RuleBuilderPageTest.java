package dev.spotifytracker.playlist;

import java.time.Instant;

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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

/**
 * The rule builder page: the form is the rule, every change answers the builder again
 * with the preview, faults stand next to the condition they are about, and nothing is
 * stored until a valid rule is saved.
 */
@IntegrationTest
@AutoConfigureMockMvc
class RuleBuilderPageTest {

	private static final Instant T = Instant.parse("2026-01-10T12:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void aLibraryWithSomePlays() {
		AccountId alice = Viewers.owner(this.jdbc, "alice");
		LibraryFixture.of(this.jdbc, alice)
			.album("Blue", "Joni Mitchell", T, "River", "Carey", "California")
			.album("Homogenic", "Bjork", T, "Joga", "Hunter")
			.played("River", T.plusSeconds(60), T.plusSeconds(600), T.plusSeconds(900))
			.played("Joga", T.plusSeconds(1200));
	}

	@Test
	void aNewRuleStartsWithOneConditionAndPreviewsIt() throws Exception {
		this.mvc.perform(get("/playlists/rules/new").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(xpath("//select[@id='n-0-field']/option[@selected]/@value").string("plays"))
			.andExpect(xpath("//*[@id='preview-count']/strong").string("5"));
	}

	@Test
	void aChangedConditionChangesThePreview() throws Exception {
		this.mvc
			.perform(form().param("n.0.kind", "test")
				.param("n.0.field", "plays")
				.param("n.0.op", "gte")
				.param("n.0.value", "2"))
			.andExpect(status().isOk())
			.andExpect(xpath("//*[@id='preview-count']/strong").string("1"))
			.andExpect(xpath("//ol[@id='preview-tracks']/li/span[1]").string("River"));
	}

	@Test
	void twoConditionsInAnAnyGroupAreBothApplied() throws Exception {
		this.mvc
			.perform(form().param("n.0.kind", "group")
				.param("n.0.match", "any")
				.param("n.0.0.kind", "test")
				.param("n.0.0.field", "artist")
				.param("n.0.0.op", "eq")
				.param("n.0.0.value", "BJORK")
				.param("n.0.1.kind", "test")
				.param("n.0.1.field", "trackName")
				.param("n.0.1.op", "startsWith")
				.param("n.0.1.value", "car"))
			.andExpect(xpath("//*[@id='preview-count']/strong").string("3"))
			.andExpect(xpath("//select[@id='n-0-1-field']/option[@selected]/@value").string("trackName"));
	}

	@Test
	void aFaultStandsNextToItsConditionAndTheRuleIsNotSaved() throws Exception {
		this.mvc
			.perform(form().param("name", "Broken")
				.param("n.0.kind", "test")
				.param("n.0.field", "plays")
				.param("n.0.op", "gte")
				.param("n.0.value", "1")
				.param("n.1.kind", "test")
				.param("n.1.field", "plays")
				.param("n.1.op", "gte")
				.param("n.1.value", "many")
				.param("action", "save"))
			.andExpect(status().isBadRequest())
			.andExpect(xpath("//p[@id='n-1-error']").string(containsString("number")))
			.andExpect(xpath("//*[@id='preview-invalid']").exists());
		assertThat(storedRules()).isZero();
	}

	@Test
	void aValidRuleIsSavedAndListedOnThePlaylistsPage() throws Exception {
		this.mvc
			.perform(form().param("name", "Played Joni")
				.param("n.0.kind", "test")
				.param("n.0.field", "artist")
				.param("n.0.op", "in")
				.param("n.0.value", "Joni Mitchell; Someone Else")
				.param("s.0.field", "plays")
				.param("s.0.dir", "desc")
				.param("limitValue", "2")
				.param("action", "save"))
			.andExpect(redirectedUrlPattern("/playlists?account=alice#rule-played-joni"));

		assertThat(storedRules()).isOne();
		this.mvc.perform(get("/playlists").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//li[@id='rule-played-joni']/strong").string("Played Joni"));
		this.mvc.perform(get("/playlists/rules/played-joni/edit").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//input[@id='n-0-value']/@value").string("Joni Mitchell; Someone Else"))
			.andExpect(xpath("//*[@id='preview-count']/strong").string("2"))
			.andExpect(xpath("//*[@id='preview-changes']").string(containsString("A first push adds all")));
		// once pushed, the next push is what differs from the playlist on Spotify
		this.jdbc.sql("""
				insert into playlist_mappings (account_id, slug, name, spotify_playlist_id, pushed_track_ids)
				select id, 'played-joni', 'Played Joni', 'p000000000000000000001', array['t000000000000000000099']
				from accounts where spotify_user_id = 'alice'
				""").update();
		this.mvc.perform(get("/playlists/rules/played-joni/edit").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//*[@id='preview-changes']").string(containsString("the playlist on Spotify")))
			.andExpect(xpath("//*[@id='preview-changes']/span[@class='added']").string("+2"))
			.andExpect(xpath("//*[@id='preview-changes']/span[@class='removed']").string("\u22121"))
			.andExpect(xpath("count(//ul[@id='preview-added']/li)").number(2.0))
			.andExpect(xpath("//ul[@id='preview-removed']/li/span[1]").string("t000000000000000000099"));
		this.mvc.perform(get("/playlists/rules/played-joni/rule.json").with(Viewers.signedInAs("alice")))
			.andExpect(header().string("Content-Disposition", containsString("played-joni.json")))
			.andExpect(content().string(containsString("\"limit\":{\"tracks\":2}")));
	}

	@Test
	void aBuiltInIsCopiedWithItsConditions() throws Exception {
		this.mvc.perform(get("/playlists/rules/new").param("from", "most-played").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//input[@id='rule-name']/@value").string("Copy of Most Played"))
			.andExpect(xpath("//select[@id='n-0-op']/option[@selected]/@value").string("gte"))
			.andExpect(xpath("//*[@id='preview-count']/strong").string("2"));
	}

	@Test
	void buttonsAddAndRemoveConditionsAndGroups() throws Exception {
		this.mvc.perform(form().param("n.0.kind", "test").param("action", "addGroup"))
			.andExpect(xpath("//div[@id='n-1']/input[@type='hidden']/@value").string("group"))
			.andExpect(xpath("//select[@id='n-1-0-field']").exists());
		this.mvc.perform(form().param("n.0.kind", "test").param("n.1.kind", "test").param("action", "remove:0"))
			.andExpect(xpath("count(//div[contains(@class,'condition')])").number(1.0));
	}

	@Test
	void aPastedDocumentIsLoadedAndAPasteThatIsNoJsonIsRefusedWithOneSentence() throws Exception {
		this.mvc.perform(form().param("action", "json").param("json", """
				{"name": "Pasted", "conditions": [{"field": "lastPlayed", "op": "isNull"}]}
				"""))
			.andExpect(xpath("//input[@id='rule-name']/@value").string("Pasted"))
			.andExpect(xpath("//*[@id='preview-count']/strong").string("3"));
		this.mvc.perform(form().param("name", "Kept").param("action", "json").param("json", "drop table plays"))
			.andExpect(status().isBadRequest())
			.andExpect(xpath("//p[@id='json-error']").string("The rule is not valid JSON."))
			.andExpect(xpath("//input[@id='rule-name']/@value").string("Kept"));
		// a document the grammar refuses is not loaded half-mended: its fault and path
		// are
		// shown, the pasted text stays to be fixed
		String unknownKey = """
				{"name": "Pasted", "conditions": [{"field": "plays", "op": "gte", "value": "5"}]}""";
		this.mvc.perform(form().param("name", "Kept").param("action", "json").param("json", unknownKey))
			.andExpect(status().isBadRequest())
			.andExpect(xpath("//p[@id='json-error']").string(containsString("(at conditions[0].value)")))
			.andExpect(xpath("//textarea[@id='rule-json']").string(containsString("\"value\": \"5\"")))
			.andExpect(xpath("//input[@id='rule-name']/@value").string("Kept"));
	}

	@Test
	void artistSuggestionsComeFromTheLibrary() throws Exception {
		this.mvc
			.perform(
					get("/playlists/rules/artists").param("n.0.value", "Someone; jo").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//option/@value").string("Joni Mitchell"));
	}

	@Test
	void anUnknownRuleIsA404Page() throws Exception {
		this.mvc.perform(get("/playlists/rules/nothing-here/edit").with(Viewers.signedInAs("alice")))
			.andExpect(status().isNotFound());
	}

	@Test
	void pushingAnEmptyRuleTheFirstTimeAsksForConfirmationAndCreatesNothing() throws Exception {
		this.jdbc.sql("""
				insert into rule_playlists (account_id, slug, name, document)
				select id, 'nothing-yet', 'Nothing yet', :document from accounts where spotify_user_id = 'alice'
				""")
			.param("document",
					"{\"name\": \"Nothing yet\", \"conditions\": [{\"field\": \"plays\", \"op\": \"gte\", \"value\": 100}]}")
			.update();

		MvcResult pushed = this.mvc
			.perform(post("/playlists/rules/nothing-yet/push").with(Viewers.signedInAs("alice")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/playlists?account=alice#rule-nothing-yet"))
			.andReturn();

		this.mvc.perform(get("/playlists").with(Viewers.signedInAs("alice")).flashAttrs(pushed.getFlashMap()))
			.andExpect(xpath("//li[@id='rule-nothing-yet']//p[@role='status']").string(containsString("anyway")))
			.andExpect(xpath("//button[@id='push-empty-nothing-yet']").exists());
		assertThat(this.jdbc.sql("select count(*) from playlist_mappings").query(Integer.class).single()).isZero();
	}

	@Test
	void aSavedRuleOffersAPushOnItsBuilderPageAndOnTheList() throws Exception {
		this.mvc
			.perform(form().param("name", "Played Joni")
				.param("n.0.kind", "test")
				.param("n.0.field", "artist")
				.param("n.0.op", "eq")
				.param("n.0.value", "Joni Mitchell")
				.param("action", "save"))
			.andExpect(status().is3xxRedirection());

		this.mvc.perform(get("/playlists/rules/played-joni/edit").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//form[@id='push-form']/@action")
				.string(containsString("/playlists/rules/played-joni/push")));
		this.mvc.perform(get("/playlists").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//button[@id='push-played-joni']").exists());
	}

	@Test
	void deletingARulePlaylistWithASpotifyPlaylistAsksToKeepOrUnfollowIt() throws Exception {
		this.jdbc.sql("""
				insert into rule_playlists (account_id, slug, name, document)
				select id, 'mine', 'Mine', '{"name": "Mine"}' from accounts where spotify_user_id = 'alice'
				""").update();
		this.jdbc.sql("""
				insert into playlist_mappings (account_id, slug, name, spotify_playlist_id)
				select id, 'mine', 'Mine', 'p000000000000000000001' from accounts where spotify_user_id = 'alice'
				""").update();

		this.mvc.perform(get("/playlists").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//button[@id='delete-keep-mine']/@value").string("false"))
			.andExpect(xpath("//button[@id='delete-unfollow-mine']/@value").string("true"));
		this.mvc
			.perform(post("/playlists/rules/mine/delete").param("unfollow", "false")
				.with(Viewers.signedInAs("alice"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(storedRules()).isZero();
		assertThat(this.jdbc.sql("select count(*) from playlist_mappings").query(Integer.class).single()).isZero();

		// a stale page deletes it again, or a built-in: a sentence on the list, no error
		for (String slug : new String[] { "mine", "most-played" }) {
			this.mvc
				.perform(post("/playlists/rules/" + slug + "/delete").param("unfollow", "true")
					.with(Viewers.signedInAs("alice"))
					.with(csrf()))
				.andExpect(status().is3xxRedirection())
				.andExpect(flash().attribute("ruleError", startsWith("Not deleted: ")));
		}
	}

	private MockHttpServletRequestBuilder form() {
		return post("/playlists/rules/form").with(Viewers.signedInAs("alice")).with(csrf());
	}

	private int storedRules() {
		return this.jdbc.sql("select count(*) from rule_playlists").query(Integer.class).single();
	}

}
