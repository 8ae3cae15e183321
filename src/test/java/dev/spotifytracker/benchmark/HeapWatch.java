package dev.spotifytracker.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Two views of the heap during a measured stretch: the most it held at once (every heap
 * pool's peak, garbage included, so an upper bound that depends on when the collector
 * chose to run), and the most that survived a collection (the live data).
 */
final class HeapWatch implements AutoCloseable {

	private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans()
		.stream()
		.filter((pool) -> pool.getType() == MemoryType.HEAP)
		.toList();

	private final AtomicLong maxLiveAfterGc = new AtomicLong();

	private final NotificationListener listener = (notification, handback) -> {
		if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
			return;
		}
		GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
			.from((CompositeData) notification.getUserData());
		long used = 0;
		for (MemoryPoolMXBean pool : this.heapPools) {
			MemoryUsage after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
			used += (after != null) ? after.getUsed() : 0;
		}
		this.maxLiveAfterGc.accumulateAndGet(used, Math::max);
	};

	HeapWatch() {
		ManagementFactory.getGarbageCollectorMXBeans()
			.forEach((gc) -> ((NotificationEmitter) gc).addNotificationListener(this.listener, null, null));
	}

	/**
	 * Collects what the previous stretch left and starts a new one.
	 */
	void reset() {
		System.gc();
		this.heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
		this.maxLiveAfterGc.set(currentUsed());
	}

	/**
	 * @return the sum of the heap pools' peaks since {@link #reset()}, in bytes
	 */
	long peakUsed() {
		return this.heapPools.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
	}

	/**
	 * @return the most heap left after any collection since {@link #reset()}, including a
	 * collection forced now, in bytes
	 */
	long peakLive() {
		System.gc();
		this.maxLiveAfterGc.accumulateAndGet(currentUsed(), Math::max);
		return this.maxLiveAfterGc.get();
	}

	static long maxHeap() {
		return Runtime.getRuntime().maxMemory();
	}

	private long currentUsed() {
		return this.heapPools.stream().mapToLong((pool) -> pool.getUsage().getUsed()).sum();
	}

	@Override
	public void close() {
		ManagementFactory.getGarbageCollectorMXBeans().forEach((gc) -> {
			try {
				((NotificationEmitter) gc).removeNotificationListener(this.listener);
			}
			catch (javax.management.ListenerNotFoundException ex) {
				// never added
			}
		});
	}

}
