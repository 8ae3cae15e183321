package dev.spotifytracker;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

import static org.assertj.core.api.Assertions.assertThat;
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

	/**
	 * A module allows exactly what it uses, in Java or through the read models its SQL
	 * names: an allowance nobody uses would let a new dependency in unseen.
	 */
	@Test
	void eachModuleAllowsOnlyTheDependenciesItHas() throws Exception {
		ApplicationModules modules = ApplicationModules.of(SpotifyTrackerApplication.class);
		for (ApplicationModule module : modules) {
			String name = module.getIdentifier().toString();
			org.springframework.modulith.ApplicationModule declared = Class
				.forName(module.getBasePackage().getName() + ".package-info")
				.getAnnotation(org.springframework.modulith.ApplicationModule.class);
			Set<String> used = module.getDirectDependencies(modules)
				.uniqueModules()
				.map((target) -> target.getIdentifier().toString())
				.collect(Collectors.toCollection(TreeSet::new));
			used.addAll(TableOwnershipTest.readModelOwnersNamedBy(name));

			assertThat(new TreeSet<>(Arrays.asList(declared.allowedDependencies()))).as(name).isEqualTo(used);
		}
	}

	@Test
	void reachingIntoAnotherModulesInternalsFails() {
		// a fixture of two modules where one uses the other's internal package
		ApplicationModules fixture = ApplicationModules.of("dev.spotifytracker.modularityfixture",
				(location) -> location.contains("modularityfixture"));

		assertThatThrownBy(fixture::verify).isInstanceOf(Violations.class).hasMessageContaining("internal");
	}

}
