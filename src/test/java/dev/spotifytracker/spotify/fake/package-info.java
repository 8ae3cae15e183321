/**
 * A strict, stateful Spotify for tests, benchmarks and the demo, over real HTTP on
 * {@code 127.0.0.1}: the accounts service ({@code /authorize}, {@code /api/token}) and
 * the Web API as a Development Mode app sees it in 2026 ({@code /v1/...}).
 *
 * <p>
 * Start with {@link dev.spotifytracker.spotify.fake.SpotifySimulator#start()}; give it
 * users ({@code addUser}) and libraries
 * ({@link dev.spotifytracker.spotify.fake.SimulatedUser#generateLibrary} or the catalog's
 * builders), point the client at {@code baseUrl()}, and after the code under test ran,
 * compare with the users' lists, the request counts ({@code requests()}) and
 * {@code assertNoViolations()}. Removed endpoints, limits out of range, bad tokens,
 * malformed bodies and writes to others' playlists are answered as Spotify does
 * <em>and</em> listed as violations, so a client that hides errors still fails its test.
 */
package dev.spotifytracker.spotify.fake;
