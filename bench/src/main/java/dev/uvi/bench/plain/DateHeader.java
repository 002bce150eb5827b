package dev.uvi.bench.plain;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The {@code date} header, formatted at most once a second as uvi and uvicorn do, so the plain server
 * sends the same header bytes as uvi and the comparison is not skewed by a missing header.
 */
final class DateHeader {

	private volatile long second = -1;

	private volatile String value = "";

	String value() {
		long now = System.currentTimeMillis() / 1000;
		if (now != this.second) {
			this.value = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
			this.second = now;
		}
		return this.value;
	}
}
