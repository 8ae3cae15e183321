package dev.spotifytracker.spotify.fake;

import java.nio.charset.StandardCharsets;

/**
 * Album covers ({@code /image/{albumId}/{size}}): a plain square in a colour of the
 * album's own, so a dashboard pointed at the simulator shows covers without the internet.
 * Like Spotify's image CDN it needs no token and is not an API call.
 */
final class ImageEndpoint {

	SimResponse image(SimExchange exchange) {
		String[] parts = exchange.path().split("/");
		if (!"GET".equals(exchange.method()) || parts.length != 4 || !SimIds.isId(parts[2])
				|| !parts[3].matches("\\d{1,4}")) {
			return SimResponse.of(404, "text/plain", "Not found".getBytes(StandardCharsets.UTF_8));
		}
		int hue = Math.floorMod(parts[2].hashCode(), 360);
		String svg = """
				<svg xmlns="http://www.w3.org/2000/svg" width="%1$s" height="%1$s" viewBox="0 0 10 10">\
				<rect width="10" height="10" fill="hsl(%2$d,55%%,45%%)"/>\
				<circle cx="5" cy="5" r="3" fill="hsl(%2$d,55%%,65%%)"/></svg>""".formatted(parts[3], hue);
		return SimResponse.of(200, "image/svg+xml", svg.getBytes(StandardCharsets.UTF_8))
			.withHeader("Cache-Control", "max-age=86400");
	}

}
