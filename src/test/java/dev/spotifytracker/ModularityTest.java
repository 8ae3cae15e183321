package dev.spotifytracker;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Keeps the package layout of DESIGN.md: each top-level package is a module, dependencies
 * point one way (web, features, then spotify and job, then app) and no module reaches
 * into another's internals.
 */
class ModularityTest {

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(SpotifyTrackerApplication.class).verify();
	}

	@Test
	void reachingIntoAnotherModulesInternalsFails() {
		// a fixture of two modules where one uses the other's internal package
		ApplicationModules fixture = ApplicationModules.of("dev.spotifytracker.modularityfixture",
				(location) -> location.contains("modularityfixture"));

		assertThatThrownBy(fixture::verify).isInstanceOf(Violations.class).hasMessageContaining("internal");
	}

}
