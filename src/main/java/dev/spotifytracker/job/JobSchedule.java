package dev.spotifytracker.job;

/**
 * When the schedules run a job: in the 10-minute cycle of every account
 * ({@code TRACKER_CYCLE_CRON}), in the daily schedule ({@code TRACKER_RECONCILE_CRON}),
 * or only when someone starts it. Within a group, jobs run in their {@code order}, lowest
 * first.
 *
 * @param group the schedule
 * @param order the job's place in its group
 */
public record JobSchedule(Group group, int order) {

	private static final JobSchedule ON_DEMAND = new JobSchedule(Group.ON_DEMAND, 0);

	public static JobSchedule cycle(int order) {
		return new JobSchedule(Group.CYCLE, order);
	}

	public static JobSchedule daily(int order) {
		return new JobSchedule(Group.DAILY, order);
	}

	public static JobSchedule onDemand() {
		return ON_DEMAND;
	}

	/**
	 * The schedules a job can belong to.
	 */
	public enum Group {

		/** Every account's cycle, every ten minutes by default. */
		CYCLE,

		/** Once a day for every account, after the log and call-count retention. */
		DAILY,

		/** Only from the dashboard or the job API. */
		ON_DEMAND

	}

}
