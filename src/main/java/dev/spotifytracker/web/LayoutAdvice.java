package dev.spotifytracker.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the shared layout needs on every page: the section of the navigation the page
 * belongs to ({@code section}). The signed-in account ({@code viewer}) and the dates in
 * the viewer's time zone ({@code dates}) come from the account module.
 */
@ControllerAdvice
class LayoutAdvice {

	@ModelAttribute("section")
	String section(HttpServletRequest request) {
		return Section.of(request.getRequestURI().substring(request.getContextPath().length()));
	}

}
