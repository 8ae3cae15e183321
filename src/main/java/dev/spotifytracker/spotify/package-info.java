/**
 * Spotify Web API access: a client per account, token refresh, rate limits and retries,
 * and the request classes for the endpoints spotify-web-api-java gets wrong in
 * Development Mode.
 */
@ApplicationModule(displayName = "Spotify access", allowedDependencies = { "app" })
package dev.spotifytracker.spotify;

import org.springframework.modulith.ApplicationModule;
