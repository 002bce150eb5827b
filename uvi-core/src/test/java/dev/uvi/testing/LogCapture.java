package dev.uvi.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/** Captures what one logger writes during a test: {@code @RegisterExtension LogCapture log = new LogCapture("uvi.access")}. */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

	private final String loggerName;

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	public LogCapture(String loggerName) {
		this.loggerName = loggerName;
	}

	/** @return the formatted messages logged so far */
	public List<String> messages() {
		return this.appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

	/** @return the events logged so far, with their key/value pairs */
	public List<ILoggingEvent> events() {
		return List.copyOf(this.appender.list);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.appender.list.clear();
		this.appender.start();
		((Logger) LoggerFactory.getLogger(this.loggerName)).addAppender(this.appender);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		((Logger) LoggerFactory.getLogger(this.loggerName)).detachAppender(this.appender);
		this.appender.stop();
	}
}
