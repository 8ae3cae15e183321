/**
 * Sign-in with Spotify, accounts and their encrypted refresh tokens, who may sign in, and
 * the security configuration.
 */
@ApplicationModule(displayName = "Accounts and sign-in", allowedDependencies = { "app", "spotify" })
package dev.spotifytracker.account;

import org.springframework.modulith.ApplicationModule;
