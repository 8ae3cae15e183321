package dev.spotifytracker.spotify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.fake.LibrarySpec;
import dev.spotifytracker.spotify.fake.SimAlbum;
import dev.spotifytracker.spotify.fake.SimLikedTrack;
import dev.spotifytracker.spotify.fake.SimPlay;
import dev.spotifytracker.spotify.fake.SimPlaylist;
import dev.spotifytracker.spotify.fake.SimSavedAlbum;
import dev.spotifytracker.spotify.fake.SimTrack;
import dev.spotifytracker.spotify.fake.SimulatedUser;
import dev.spotifytracker.spotify.fake.SpotifySimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Each operation of the client against the simulated Development Mode API: paths,
 * parameters, JSON shapes and paging.
 */
class SpotifyClientContractTest {

	private static final AccountId ACCOUNT = new AccountId(1);

	private final SpotifySimulator sim = SpotifySimulator.start();

	private final SimulatedUser alice = this.sim.addUser("alice", "Alice");

	private final InMemoryCredentialStore store = new InMemoryCredentialStore().withRefreshToken(ACCOUNT,
			this.sim.issueRefreshToken("alice"));

	private final SpotifyClient client = SimulatorClients.clients(SimulatorClients.properties(this.sim), this.store)
		.forAccount(ACCOUNT);

	@AfterEach
	void stopSimulator() {
		try {
			this.sim.assertNoViolations();
		}
		finally {
			this.sim.close();
		}
	}

	@Test
	void currentUserIsTheTokensUser() {
		SpotifyUser me = this.client.currentUser();

		assertThat(me).isEqualTo(new SpotifyUser("alice", "Alice"));
		assertThat(this.sim.requests().count("GET /v1/me")).isEqualTo(1);
	}

	@Test
	void savedAlbumsPageToTheEndNewestFirst() {
		this.alice.generateLibrary(LibrarySpec.seed(1).albums(60).likedTracks(0).plays(0).albumSizes(1, 12));

		List<SavedAlbum> all = readAll((offset) -> this.client.savedAlbums(offset, 50));

		List<SimSavedAlbum> expected = this.alice.savedAlbums();
		assertThat(all).extracting((saved) -> saved.album().id())
			.containsExactlyElementsOf(expected.stream().map((saved) -> saved.album().id()).toList());
		assertThat(all).extracting(SavedAlbum::addedAt)
			.containsExactlyElementsOf(expected.stream().map(SimSavedAlbum::addedAt).toList());
		assertThat(this.sim.requests().count("GET /v1/me/albums")).isEqualTo(2);
	}

	@Test
	void savedAlbumsCarryTheAlbumAndItsFirstFiftyTracks() {
		this.alice.generateLibrary(LibrarySpec.seed(2).albums(3).albumSizes(10, 120).likedTracks(0).plays(0));

		Page<SavedAlbum> page = this.client.savedAlbums(0, 50);

		assertThat(page.items()).hasSize(3).anyMatch((saved) -> saved.tracks().hasNext());
		for (SavedAlbum saved : page.items()) {
			SimAlbum album = this.sim.catalog().findAlbum(saved.album().id()).orElseThrow();
			assertThat(saved.album().name()).isEqualTo(album.name());
			assertThat(saved.album().totalTracks()).isEqualTo(album.totalTracks());
			assertThat(saved.album().releaseDate()).isEqualTo(album.releaseDate());
			assertThat(saved.album().imageUrl()).isNotBlank();
			assertThat(saved.album().artists()).extracting(Artist::id)
				.containsExactlyElementsOf(album.artists().stream().map((artist) -> artist.id()).toList());
			List<String> firstTracks = album.tracks().stream().limit(50).map(SimTrack::id).toList();
			assertThat(saved.tracks().items()).extracting(Track::id).containsExactlyElementsOf(firstTracks);
			assertThat(saved.tracks().total()).isEqualTo(album.totalTracks());
			assertThat(saved.tracks().hasNext()).isEqualTo(album.totalTracks() > 50);
		}
	}

	@Test
	void albumTracksPageToTheEnd() {
		this.alice.generateLibrary(LibrarySpec.seed(3).albums(3).albumSizes(10, 120).likedTracks(0).plays(0));
		SimAlbum longest = this.alice.savedAlbums()
			.stream()
			.map(SimSavedAlbum::album)
			.filter((album) -> album.totalTracks() == 120)
			.findFirst()
			.orElseThrow();

		List<Track> tracks = readAll((offset) -> this.client.albumTracks(longest.id(), offset, 50));

		assertThat(tracks).extracting(Track::id)
			.containsExactlyElementsOf(longest.tracks().stream().map(SimTrack::id).toList());
		assertThat(tracks).extracting(Track::trackNumber)
			.containsExactlyElementsOf(longest.tracks().stream().map(SimTrack::trackNumber).toList());
		assertThat(this.sim.requests().count("GET /v1/albums/{id}/tracks")).isEqualTo(3);
	}

	@Test
	void likedTracksPageToTheEndWithWhenTheyWereLiked() {
		this.alice.generateLibrary(LibrarySpec.seed(4).albums(10).likedTracks(200).plays(0));

		List<SavedTrack> liked = readAll((offset) -> this.client.likedTracks(offset, 50));

		List<SimLikedTrack> expected = this.alice.likedTracks();
		assertThat(liked).extracting((saved) -> saved.track().id())
			.containsExactlyElementsOf(expected.stream().map((saved) -> saved.track().id()).toList());
		assertThat(liked).extracting(SavedTrack::addedAt)
			.containsExactlyElementsOf(expected.stream().map(SimLikedTrack::addedAt).toList());
		assertThat(liked).extracting((saved) -> saved.track().isrc())
			.containsExactlyElementsOf(expected.stream().map((saved) -> saved.track().isrc()).toList());
		assertThat(liked).allSatisfy((saved) -> assertThat(saved.track().album()).isNotNull());
		assertThat(this.sim.requests().count("GET /v1/me/tracks")).isEqualTo(4);
	}

	@Test
	void trackReadsItsAlbumArtistsAndIsrc() {
		this.alice.generateLibrary(LibrarySpec.seed(5).albums(2).likedTracks(5).plays(0));
		SimTrack expected = this.alice.likedTracks().get(0).track();

		Track track = this.client.track(expected.id());

		assertThat(track.id()).isEqualTo(expected.id());
		assertThat(track.name()).isEqualTo(expected.name());
		assertThat(track.isrc()).isEqualTo(expected.isrc());
		assertThat(track.durationMs()).isEqualTo(expected.durationMs());
		assertThat(track.explicit()).isEqualTo(expected.explicit());
		assertThat(track.discNumber()).isEqualTo(expected.discNumber());
		assertThat(track.trackNumber()).isEqualTo(expected.trackNumber());
		assertThat(track.album().id()).isEqualTo(expected.album().id());
		assertThat(track.artists()).extracting(Artist::name)
			.containsExactlyElementsOf(expected.artists().stream().map((artist) -> artist.name()).toList());
		assertThat(track.uri()).isEqualTo(expected.uri());
		assertThat(this.sim.requests().count("GET /v1/tracks/{id}")).isEqualTo(1);
	}

	@Test
	void availabilityIsReadAsPlayableUnplayableWithReasonOrUnknown() {
		this.alice.generateLibrary(LibrarySpec.seed(6)
			.albums(3)
			.albumSizes(5, 10)
			.likedTracks(10)
			.likedOutsideSavedAlbums(1.0)
			.unavailableFraction(0)
			.unknownAvailabilityFraction(0)
			.plays(0));
		List<String> liked = this.alice.likedTracks().stream().map((saved) -> saved.track().id()).toList();
		this.alice.makeUnavailable(liked.get(0), "market");
		this.alice.makeAvailabilityUnknown(liked.get(1));
		SimAlbum album = this.alice.savedAlbums().get(0).album();
		this.alice.makeUnavailable(album.tracks().get(0).id(), "explicit");

		Map<String, Playability> likedPlayability = this.client.likedTracks(0, 50)
			.items()
			.stream()
			.collect(Collectors.toMap((saved) -> saved.track().id(), (saved) -> saved.track().playability()));
		Playability albumTrack = this.client.savedAlbums(0, 50)
			.items()
			.stream()
			.filter((saved) -> saved.album().id().equals(album.id()))
			.findFirst()
			.orElseThrow()
			.tracks()
			.items()
			.get(0)
			.playability();

		assertThat(likedPlayability.get(liked.get(0))).isEqualTo(new Playability(false, "market"));
		assertThat(likedPlayability.get(liked.get(1))).isEqualTo(Playability.UNKNOWN);
		assertThat(likedPlayability.get(liked.get(1)).isKnown()).isFalse();
		assertThat(likedPlayability.get(liked.get(2))).isEqualTo(new Playability(true, null));
		assertThat(albumTrack).isEqualTo(new Playability(false, "explicit"));
		assertThat(this.client.track(liked.get(0)).playability()).isEqualTo(new Playability(false, "market"));
	}

	@Test
	void trackListsAskForTheAccountsMarket() {
		this.alice.generateLibrary(LibrarySpec.seed(7).albums(2).likedTracks(5).plays(0));
		String albumId = this.alice.savedAlbums().get(0).album().id();

		this.client.savedAlbums(0, 50);
		this.client.albumTracks(albumId, 0, 50);
		this.client.likedTracks(0, 50);
		this.client.track(this.alice.likedTracks().get(0).track().id());

		for (String endpoint : List.of("GET /v1/me/albums", "GET /v1/albums/{id}/tracks", "GET /v1/me/tracks",
				"GET /v1/tracks/{id}")) {
			assertThat(this.sim.requests().of(endpoint)).as(endpoint)
				.singleElement()
				.satisfies((request) -> assertThat(request.query()).contains("market=from_token"));
		}
	}

	@Test
	void recentlyPlayedGivesTheNewestFiftyThenThePlaysAfterTheCursor() {
		this.alice.generateLibrary(LibrarySpec.seed(8).albums(5).likedTracks(10).plays(80));
		List<SimPlay> plays = this.alice.plays();
		SimTrack track = plays.get(0).track();

		List<PlayedTrack> newest = this.client.recentlyPlayed(null, 50);
		Instant cursor = newest.get(0).playedAt();
		this.alice.play(track, cursor.plusMillis(1_234), "spotify:album:" + track.album().id());
		this.alice.play(track, cursor.plusMillis(245_678), null);
		List<PlayedTrack> after = this.client.recentlyPlayed(cursor, 50);

		assertThat(newest).extracting(PlayedTrack::playedAt)
			.containsExactlyElementsOf(plays.stream().limit(50).map(SimPlay::playedAt).toList());
		assertThat(after).extracting(PlayedTrack::playedAt)
			.containsExactly(cursor.plusMillis(245_678), cursor.plusMillis(1_234));
		assertThat(after).extracting(PlayedTrack::contextUri)
			.containsExactly(null, "spotify:album:" + track.album().id());
		assertThat(after).allSatisfy((played) -> assertThat(played.track().id()).isEqualTo(track.id()));
		assertThat(this.sim.requests().of("GET /v1/me/player/recently-played").get(1).query())
			.contains("after=" + cursor.toEpochMilli());
	}

	@Test
	void myPlaylistsPageToTheEndAndCountItemsTotal() {
		this.alice.generateLibrary(LibrarySpec.seed(9).albums(3).likedTracks(40).plays(0).playlists(55));

		List<PlaylistSummary> playlists = readAll((offset) -> this.client.myPlaylists(offset, 50));

		List<SimPlaylist> expected = this.alice.playlists();
		assertThat(playlists).extracting(PlaylistSummary::id)
			.containsExactlyElementsOf(expected.stream().map(SimPlaylist::id).toList());
		assertThat(playlists).extracting(PlaylistSummary::itemCount)
			.containsExactlyElementsOf(expected.stream().map(SimPlaylist::size).toList());
		assertThat(playlists).extracting(PlaylistSummary::snapshotId)
			.containsExactlyElementsOf(expected.stream().map(SimPlaylist::snapshotId).toList());
		assertThat(playlists).extracting(PlaylistSummary::ownerId).containsOnly("alice");
		assertThat(expected).anyMatch((playlist) -> playlist.size() > 0);
		assertThat(this.sim.requests().count("GET /v1/me/playlists")).isEqualTo(2);
	}

	@Test
	void createPlaylistPostsToMyPlaylists() {
		PlaylistSummary created = this.client.createPlaylist("Most played", "Made by the tracker", false);

		SimPlaylist playlist = this.alice.playlist(created.id());
		assertThat(playlist.name()).isEqualTo("Most played");
		assertThat(playlist.description()).isEqualTo("Made by the tracker");
		assertThat(playlist.isPublic()).isFalse();
		assertThat(created).isEqualTo(new PlaylistSummary(playlist.id(), "Most played", "Made by the tracker", "alice",
				playlist.snapshotId(), 0));
		assertThat(this.alice.playlists()).extracting(SimPlaylist::id).contains(created.id());
		assertThat(this.sim.requests().count("POST /v1/me/playlists")).isEqualTo(1);
	}

	@Test
	void playlistItemsReadTheItemWrapperAndNullItems() {
		this.alice.generateLibrary(LibrarySpec.seed(10).albums(2).likedTracks(5).plays(0));
		List<SimTrack> tracks = this.alice.likedTracks().stream().map(SimLikedTrack::track).toList();
		SimPlaylist playlist = this.alice.createPlaylist("Mixed");
		this.alice.editPlaylistByHand(playlist.id(),
				List.of(tracks.get(0).uri(), "spotify:local:Someone:Somewhere:A+song:215", tracks.get(1).uri()));

		Page<PlaylistItem> page = this.client.playlistItems(playlist.id(), 0, 50);

		assertThat(page.items()).extracting(PlaylistItem::uri)
			.containsExactly(tracks.get(0).uri(), null, tracks.get(1).uri());
		assertThat(page.items()).extracting(PlaylistItem::trackId)
			.containsExactly(tracks.get(0).id(), null, tracks.get(1).id());
		assertThat(page.items()).extracting(PlaylistItem::addedAt).doesNotContainNull();
		assertThat(page.total()).isEqualTo(3);
		assertThat(page.hasNext()).isFalse();
	}

	@Test
	void playlistItemsPageToTheEnd() {
		this.alice.generateLibrary(LibrarySpec.seed(11).albums(3).likedTracks(120).plays(0));
		List<String> uris = this.alice.likedTracks().stream().map((saved) -> saved.track().uri()).toList();
		SimPlaylist playlist = this.alice.createPlaylist("Long");
		this.alice.editPlaylistByHand(playlist.id(), uris);

		List<PlaylistItem> items = readAll((offset) -> this.client.playlistItems(playlist.id(), offset, 50));

		assertThat(items).extracting(PlaylistItem::uri).containsExactlyElementsOf(uris);
		assertThat(this.sim.requests().count("GET /v1/playlists/{id}/items")).isEqualTo(3);
	}

	@Test
	void writesTakeAHundredUrisAndNeverMore() {
		this.alice.generateLibrary(LibrarySpec.seed(12).albums(10).likedTracks(260).plays(0));
		List<String> uris = this.alice.likedTracks().stream().limit(250).map((saved) -> saved.track().uri()).toList();
		String id = this.client.createPlaylist("Chunks", null, false).id();

		this.client.replacePlaylistItems(id, uris.subList(0, 100));
		this.client.addPlaylistItems(id, uris.subList(100, 200), null);
		String snapshot = this.client.addPlaylistItems(id, uris.subList(200, 250), null);

		assertThat(this.alice.playlist(id).trackUris()).containsExactlyElementsOf(uris);
		assertThat(snapshot).isEqualTo(this.alice.playlist(id).snapshotId());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.replacePlaylistItems(id, uris.subList(0, 101)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.addPlaylistItems(id, uris.subList(0, 101), null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.removePlaylistItems(id, uris.subList(0, 101)));
		assertThat(this.sim.requests().count("PUT /v1/playlists/{id}/items")).isEqualTo(1);
		assertThat(this.sim.requests().count("POST /v1/playlists/{id}/items")).isEqualTo(2);
		assertThat(this.sim.requests().count("DELETE /v1/playlists/{id}/items")).isZero();
	}

	@Test
	void addInsertsAtAPositionAndRemoveTakesEveryOccurrence() {
		this.alice.generateLibrary(LibrarySpec.seed(13).albums(2).likedTracks(5).plays(0));
		List<String> uris = this.alice.likedTracks().stream().map((saved) -> saved.track().uri()).toList();
		SimPlaylist playlist = this.alice.createPlaylist("Edits");
		this.alice.editPlaylistByHand(playlist.id(), List.of(uris.get(0), uris.get(1), uris.get(0), uris.get(2)));

		this.client.addPlaylistItems(playlist.id(), List.of(uris.get(3)), 1);
		String snapshot = this.client.removePlaylistItems(playlist.id(), List.of(uris.get(0)));

		assertThat(this.alice.playlist(playlist.id()).trackUris()).containsExactly(uris.get(3), uris.get(1),
				uris.get(2));
		assertThat(snapshot).isEqualTo(this.alice.playlist(playlist.id()).snapshotId());
	}

	@Test
	void replaceWithNoUrisEmptiesThePlaylist() {
		this.alice.generateLibrary(LibrarySpec.seed(14).albums(2).likedTracks(5).plays(0));
		SimPlaylist playlist = this.alice.createPlaylist("Emptied");
		this.alice.editPlaylistByHand(playlist.id(), List.of(this.alice.likedTracks().get(0).track().uri()));

		this.client.replacePlaylistItems(playlist.id(), List.of());

		assertThat(this.alice.playlist(playlist.id()).trackUris()).isEmpty();
	}

	@Test
	void pageLimitsAreCheckedBeforeAnyCall() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.likedTracks(0, 51));
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.savedAlbums(-1, 50));
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.recentlyPlayed(null, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.track("not/an/id"));

		assertThat(this.sim.requests().total()).isZero();
	}

	/**
	 * Follows a list to its end as a sync would: the next offset until there is no next.
	 */
	private static <T> List<T> readAll(IntFunction<Page<T>> pageAt) {
		List<T> all = new ArrayList<>();
		Page<T> page;
		do {
			page = pageAt.apply(all.size());
			all.addAll(page.items());
		}
		while (page.hasNext());
		return all;
	}

}
