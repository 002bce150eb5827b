package dev.uvi.testing;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty reported a buffer leak while it ran. Registered for every test class
 * through extension auto-detection (see the surefire configuration in the parent pom), so a LEAK at
 * {@code -Dio.netty.leakDetection.level=paranoid} is a red build, not a log line.
 */
public final class LeakDetectionExtension implements BeforeAllCallback, AfterAllCallback {

	@Override
	public void beforeAll(ExtensionContext context) {
		LeakRecorder.install();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		List<String> leaks = LeakRecorder.drain();
		if (!leaks.isEmpty()) {
			throw new AssertionError("Netty reported " + leaks.size() + " buffer leak(s) during "
					+ context.getDisplayName() + ":\n" + String.join("\n", leaks));
		}
	}
}
