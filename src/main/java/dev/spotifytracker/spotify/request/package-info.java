/**
 * Our spotify-web-api-java requests for the endpoints the library gets wrong in
 * Development Mode: playlist items live at {@code /v1/playlists/{id}/items} (the library
 * calls the removed {@code /tracks}), and playlists are created with
 * {@code POST /v1/me/playlists} (the library calls the removed
 * {@code /v1/users/{id}/playlists}). Each returns Spotify's JSON; the client reads it.
 * Internal to the spotify module.
 */
package dev.spotifytracker.spotify.request;
