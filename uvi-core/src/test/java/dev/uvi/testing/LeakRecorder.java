package dev.uvi.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every Netty LEAK report of the test JVM so that a test can fail on it. Installed by
 * {@link LeakRecorderInstaller} before any buffer class is loaded; read by {@link LeakDetectionExtension}.
 */
public final class LeakRecorder {

	private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

	private static volatile boolean installed;

	private LeakRecorder() {
	}

	static synchronized void install() {
		if (installed) {
			return;
		}
		installed = true;
		ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
	}

	static boolean isInstalled() {
		return installed;
	}

	/**
	 * Collects garbage, provokes the detectors to drain their queues, and returns what leaked since the
	 * last call.
	 */
	public static List<String> drain() {
		for (int round = 0; round < 3; round++) {
			System.gc();
			System.runFinalization();
			for (int i = 0; i < 64; i++) {
				release(PooledByteBufAllocator.DEFAULT.directBuffer(8));
				release(UnpooledByteBufAllocator.DEFAULT.heapBuffer(8));
			}
		}
		List<String> leaks = new ArrayList<>(LEAKS);
		LEAKS.removeAll(leaks);
		return leaks;
	}

	private static void release(ByteBuf buffer) {
		buffer.release();
	}

	private static final class RecordingFactory extends ResourceLeakDetectorFactory {

		@Override
		@SuppressWarnings("deprecation")
		public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
				long maxActive) {
			return new ResourceLeakDetector<>(resource, samplingInterval) {

				@Override
				protected void reportTracedLeak(String resourceType, String records) {
					LEAKS.add("LEAK: " + resourceType + records);
					super.reportTracedLeak(resourceType, records);
				}

				@Override
				protected void reportUntracedLeak(String resourceType) {
					LEAKS.add("LEAK: " + resourceType + " (untraced)");
					super.reportUntracedLeak(resourceType);
				}
			};
		}
	}
}
