package dev.spotifytracker.spotify;

public record Artist(String id, String name) {

}
