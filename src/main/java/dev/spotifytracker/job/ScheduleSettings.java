package dev.spotifytracker.job;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.spotifytracker.account.Account;
import dev.spotifytracker.account.SettingsPanel;
import dev.spotifytracker.account.SettingsSection;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The job schedules on the Settings page: configuration, shown read-only, with the jobs
 * each schedule runs and when it runs next.
 */
@Component
@Order(100)
class ScheduleSettings implements SettingsSection {

	private final JobProperties properties;

	private final JobRuns runs;

	private final JobRegistry registry;

	ScheduleSettings(JobProperties properties, JobRuns runs, JobRegistry registry) {
		this.properties = properties;
		this.runs = runs;
		this.registry = registry;
	}

	@Override
	public SettingsPanel panel(Account viewer) {
		Map<String, Object> values = new HashMap<>();
		values.put("jobs", this.properties);
		values.put("cycleJobs", names(JobSchedule.Group.CYCLE));
		values.put("dailyJobs", names(JobSchedule.Group.DAILY));
		values.put("nextCycle", this.runs.nextScheduledRun(CycleJob.NAME).orElse(null));
		values.put("nextDaily", this.runs.nextDailyRun().orElse(null));
		return new SettingsPanel("job/settings", "schedules", values);
	}

	private List<String> names(JobSchedule.Group group) {
		return this.registry.inGroup(group).stream().map(Job::name).toList();
	}

}
