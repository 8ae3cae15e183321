package dev.spotifytracker.job;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Jobs for the runner's tests: some of their own, and stand-ins for the features' jobs
 * (ordered first, so they win over the real ones).
 */
@TestConfiguration(proxyBeanMethods = false)
class TestJobs {

	@Bean
	ScriptedJob testJob() {
		return new ScriptedJob("test", "test", false);
	}

	@Bean
	ScriptedJob testPeerJob() {
		// shares the lock group of "test"
		return new ScriptedJob("test-peer", "test", false);
	}

	@Bean
	ScriptedJob testEssentialJob() {
		return new ScriptedJob("test-essential", "test-essential", true);
	}

	@Bean
	ScriptedJob libraryStandIn() {
		return new ScriptedJob("library", "library", false, JobSchedule.cycle(10));
	}

	@Bean
	ScriptedJob playsStandIn() {
		return new ScriptedJob("plays", "plays", true, JobSchedule.cycle(20));
	}

	@Bean
	ScriptedJob playlistsStandIn() {
		return new ScriptedJob("playlists", "playlists", false, JobSchedule.cycle(30));
	}

	@Bean
	ScriptedJob reconcileStandIn() {
		return new ScriptedJob("reconcile", "library", false, JobSchedule.daily(10));
	}

	@Bean
	ScriptedJob availabilityStandIn() {
		return new ScriptedJob("availability", "library", false, JobSchedule.daily(20));
	}

}
