package dev.spotifytracker.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The overview: the first page after sign-in.
 */
@Controller
class OverviewController {

	@GetMapping("/")
	String overview() {
		return "web/overview";
	}

}
