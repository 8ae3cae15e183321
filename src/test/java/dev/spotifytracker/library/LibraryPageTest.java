package dev.spotifytracker.library;

import java.util.List;
import java.util.Optional;

import dev.spotifytracker.account.AccountService;
import dev.spotifytracker.support.Viewers;
import dev.spotifytracker.web.PageSlice;
import dev.spotifytracker.web.PageSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

/**
 * How the library page reads its parameters and builds its links, in a web slice. What it
 * shows of a real library is {@link LibraryControllerTest}'s.
 */
@PageSliceTest(LibraryController.class)
class LibraryPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@MockitoBean
	LibraryService library;

	@BeforeEach
	void alice() {
		PageSlice.signedIn(this.accounts, "alice", null);
	}

	@Test
	void aPageAsksForOneTrackMoreThanItShowsToKnowWhetherAnotherFollows() throws Exception {
		when(this.library.searchTracks(any(), anyString(), anyInt(), anyInt())).thenReturn(tracks(51));

		this.mvc.perform(get("/library").param("page", "2").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(xpath("//table[@id='tracks']/tbody/tr").nodeCount(50))
			.andExpect(xpath("//a[@rel='next']/@href").string(containsString("page=3")));

		verify(this.library).searchTracks(any(), eq(""), eq(51), eq(100));
	}

	@Test
	void aSearchWithBracesKeepsThemEncodedInItsPageLinks() throws Exception {
		when(this.library.searchTracks(any(), anyString(), anyInt(), anyInt())).thenReturn(List.of());

		this.mvc.perform(get("/library").param("q", "{x}").param("page", "1").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(xpath("//a[@rel='prev']/@href").string(containsString("q=%7Bx%7D")));
	}

	@Test
	void badParametersAnswer400WithOneSentence() throws Exception {
		this.mvc.perform(get("/library").param("page", "x").with(Viewers.signedInAs("alice")))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/library").param("kind", "songs").with(Viewers.signedInAs("alice")))
			.andExpect(status().isBadRequest())
			.andExpect(xpath("//*[@id='error-message']")
				.string("'songs' is not a valid value for 'kind': use tracks, albums or artists."));
		this.mvc.perform(get("/library").param("page", "-1").with(Viewers.signedInAs("alice")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aTrackTheAccountCannotSeeAnswers404() throws Exception {
		when(this.library.track(any(), anyString())).thenReturn(Optional.empty());

		this.mvc.perform(get("/library/tracks/{id}", "4uLU6hMCjMI75M1A2tKUQC").with(Viewers.signedInAs("alice")))
			.andExpect(status().isNotFound());
	}

	private static List<LibraryTrack> tracks(int count) {
		return java.util.stream.IntStream.range(0, count)
			.mapToObj((i) -> new LibraryTrack("track" + i, "Track " + i, "Artist", "album" + i, "Album " + i, 180_000,
					null, null, null, null))
			.toList();
	}

}
