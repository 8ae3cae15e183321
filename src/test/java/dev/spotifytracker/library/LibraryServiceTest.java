package dev.spotifytracker.library;

import java.util.HashSet;
import java.util.Set;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.fake.LibrarySpec;
import dev.spotifytracker.spotify.fake.SimLikedTrack;
import dev.spotifytracker.spotify.fake.SimSavedAlbum;
import dev.spotifytracker.spotify.fake.SimTrack;
import dev.spotifytracker.spotify.fake.SimulatedUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the dashboard reads of a synced library.
 */
class LibraryServiceTest extends SyncIntegrationTest {

	@Autowired
	LibraryService library;

	private SimulatedUser alice;

	private AccountId account;

	@BeforeEach
	void aSyncedLibrary() {
		this.alice = sim.addUser("alice", "Alice").generateLibrary(LibrarySpec.seed(8).plays(0));
		this.account = account("alice");
		run("library", this.account).orThrow();
	}

	@Test
	void countsAreThoseOfSpotify() {
		Set<String> libraryTracks = new HashSet<>();
		this.alice.savedAlbums().forEach((saved) -> saved.album().tracks().forEach((t) -> libraryTracks.add(t.id())));
		this.alice.likedTracks().forEach((liked) -> libraryTracks.add(liked.track().id()));
		long unavailable = libraryTracks.stream()
			.filter((id) -> Boolean.FALSE.equals(this.alice.availability(id).playable()))
			.count();

		LibraryCounts counts = this.library.counts(this.account);

		assertThat(counts).isEqualTo(new LibraryCounts(this.alice.savedAlbums().size(), libraryTracks.size(),
				this.alice.likedTracks().size(), (int) unavailable));
	}

	@Test
	void aTrackIsFoundByItsNameAndShowsItsLikeAndAvailability() {
		SimLikedTrack liked = this.alice.likedTracks().get(0);

		assertThat(this.library.searchTracks(this.account, liked.track().name(), 50, 0)).anySatisfy((track) -> {
			assertThat(track.id()).isEqualTo(liked.track().id());
			assertThat(track.likedAt()).isEqualTo(liked.addedAt());
			assertThat(track.albumName()).isEqualTo(liked.track().album().name());
		});
	}

	@Test
	void aSearchTakesWildcardsLiterally() {
		assertThat(this.library.searchTracks(this.account, "%", 50, 0)).isEmpty();
		assertThat(this.library.searchTracks(this.account, "", 5, 0)).hasSize(5);
	}

	@Test
	void albumsAndArtistsAreSearchable() {
		SimSavedAlbum saved = this.alice.savedAlbums().get(0);

		assertThat(this.library.searchAlbums(this.account, saved.album().name(), 50, 0))
			.anySatisfy((album) -> assertThat(album.savedAt()).isEqualTo(saved.addedAt()));
		assertThat(this.library.searchArtists(this.account, saved.album().artists().get(0).name(), 50, 0))
			.anySatisfy((artist) -> assertThat(artist.libraryTracks()).isPositive());
	}

	@Test
	void aTrackDetailShowsItsAlbumSavedDateAndWhyItDoesNotPlay() {
		SimSavedAlbum saved = this.alice.savedAlbums().get(0);
		SimTrack track = saved.album().tracks().get(0);
		this.alice.makeUnavailable(track.id(), "explicit");
		run("reconcile", this.account).orThrow();

		TrackDetail detail = this.library.track(this.account, track.id()).orElseThrow();

		assertThat(detail.name()).isEqualTo(track.name());
		assertThat(detail.albums()).first()
			.isEqualTo(new TrackDetail.AlbumSaved(saved.album().id(), saved.album().name(), saved.addedAt()));
		assertThat(detail.playable()).isFalse();
		assertThat(detail.unavailableReason()).isEqualTo("explicit");
		assertThat(detail.artists()).isEqualTo(track.artists().stream().map((artist) -> artist.name()).toList());
	}

	@Test
	void anUnknownTrackHasNoDetail() {
		assertThat(this.library.track(this.account, "0000000000000000000000")).isEmpty();
	}

}
