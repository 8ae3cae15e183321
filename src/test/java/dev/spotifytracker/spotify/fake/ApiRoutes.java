package dev.spotifytracker.spotify.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Web API's endpoint templates: those served, those Development Mode removed (403),
 * and what a request that fits none of them counts as.
 */
final class ApiRoutes {

	private final List<Route> routes = new ArrayList<>();

	ApiRoutes serve(String method, String template, Endpoint endpoint) {
		this.routes.add(new Route(Set.of(method), template, pattern(template), endpoint));
		return this;
	}

	/**
	 * @param methods e.g. {@code GET|PUT}, or {@code *} for all
	 */
	ApiRoutes removed(String methods, String template) {
		this.routes.add(new Route(Set.of(methods.split("\\|")), template, pattern(template), null));
		return this;
	}

	Match resolve(String method, String path) {
		Route pathOnly = null;
		for (Route route : this.routes) {
			Matcher matcher = route.pattern().matcher(path);
			if (!matcher.matches()) {
				continue;
			}
			if (route.methods().contains(method) || route.methods().contains("*")) {
				List<String> ids = new ArrayList<>();
				for (int group = 1; group <= matcher.groupCount(); group++) {
					ids.add(matcher.group(group));
				}
				return new Match(method + " " + route.template(), ids, route.endpoint(),
						(route.endpoint() != null) ? Kind.SERVED : Kind.REMOVED);
			}
			pathOnly = (pathOnly != null) ? pathOnly : route;
		}
		if (pathOnly != null) {
			return new Match(method + " " + pathOnly.template(), List.of(), null, Kind.METHOD_NOT_ALLOWED);
		}
		return new Match(method + " " + path, List.of(), null, Kind.UNKNOWN);
	}

	private static Pattern pattern(String template) {
		StringBuilder regex = new StringBuilder();
		for (String part : template.split("\\{id}", -1)) {
			if (!regex.isEmpty()) {
				regex.append("([^/]+)");
			}
			regex.append(Pattern.quote(part));
		}
		return Pattern.compile(regex.toString());
	}

	@FunctionalInterface
	interface Endpoint {

		SimResponse handle(ApiRequest request);

	}

	enum Kind {

		SERVED, REMOVED, METHOD_NOT_ALLOWED, UNKNOWN

	}

	/**
	 * @param endpoint e.g. {@code GET /v1/albums/{id}/tracks}
	 * @param ids the path's ids in order
	 */
	record Match(String endpoint, List<String> ids, Endpoint handler, Kind kind) {

	}

	private record Route(Set<String> methods, String template, Pattern pattern, Endpoint endpoint) {

	}

}
