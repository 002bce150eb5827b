package dev.uvi.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.jayway.jsonpath.JsonPath;
import dev.uvi.asgi.Headers;
import dev.uvi.server.LifespanMode;
import dev.uvi.server.Http2Config;
import dev.uvi.server.ProxyHeadersConfig;
import dev.uvi.server.UviConfig;
import dev.uvi.server.UviServerListener;
import dev.uvi.server.WebSocketConfig;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

class UviPropertiesTests {

	@Test
	void everyDefaultMapsToExactlyTheCoreDefaults() {
		assertThat(config()).isEqualTo(UviConfig.defaults());
	}

	@Test
	void defaultsAreNeverNull() {
		UviProperties properties = bind();
		assertThat(properties.rootPath()).isEmpty();
		assertThat(properties.headers()).isEmpty();
		assertThat(properties.workers()).isNull();
	}

	@Test
	void keepAliveTimeoutBindsADurationWithUnit() {
		assertThat(bind("uvi.timeout-keep-alive=750ms").timeoutKeepAlive()).isEqualTo(Duration.ofMillis(750));
		assertThat(bind("uvi.timeout-keep-alive=5s").timeoutKeepAlive()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void keepAliveTimeoutTakesABareNumberAsSecondsLikeUvicorn() {
		assertThat(bind("uvi.timeout-keep-alive=7").timeoutKeepAlive()).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void sizesBindWithUnitsAndBareNumbersAsBytes() {
		assertThat(bind("uvi.max-header-size=32KB").maxHeaderSize()).isEqualTo(DataSize.ofKilobytes(32));
		assertThat(bind("uvi.max-request-line-size=4096").maxRequestLineSize()).isEqualTo(DataSize.ofBytes(4096));
		assertThat(config("uvi.max-header-size=32KB").maxHeaderSize()).isEqualTo(32 * 1024);
	}

	@Test
	void lifespanBindsLowerCaseModes() {
		assertThat(bind("uvi.lifespan=off").lifespan()).isEqualTo(LifespanMode.OFF);
		assertThat(config("uvi.lifespan=on").lifespan()).isEqualTo(LifespanMode.ON);
	}

	@Test
	void everyPropertyReachesTheConfig() {
		UviConfig config = config("uvi.host=0.0.0.0", "uvi.port=0", "uvi.root-path=/api", "uvi.server-header=false",
				"uvi.date-header=false", "uvi.timeout-keep-alive=10", "uvi.access-log=false", "uvi.workers=3",
				"uvi.lifespan=off", "uvi.max-request-line-size=1KB", "uvi.max-header-size=2KB", "uvi.ws.enabled=false",
				"uvi.ws.max-size=1MB", "uvi.ws.max-queue=4", "uvi.ws.ping-interval=0", "uvi.ws.ping-timeout=5",
				"uvi.ws.per-message-deflate=false", "uvi.timeout-graceful-shutdown=7", "uvi.timeout-lifespan-startup=8s",
				"uvi.timeout-lifespan-shutdown=9", "uvi.limit-max-requests=100", "uvi.limit-max-requests-jitter=10",
				"uvi.http2=false", "uvi.h2c=true", "uvi.http2-max-concurrent-streams=10",
				"uvi.http2-initial-window-size=1000", "uvi.http2-max-header-list-size=2KB", "uvi.uds=/tmp/uvi.sock",
				"uvi.uds-permissions=0660",
				"uvi.limit-concurrency=50", "uvi.max-request-body-size=1MB", "uvi.timeout-request-header=12",
				"uvi.backlog=128", "uvi.proxy-headers=false", "uvi.forwarded-allow-ips=10.0.0.0/8, 192.168.0.1",
				"uvi.forwarded-host-headers=true", "uvi.forwarded-header=true", "uvi.access-log-format=%(h)s %(s)s",
				"uvi.access-log-exclude=/health/*,/ready");
		assertThat(config).isEqualTo(new UviConfig("0.0.0.0", 0, "/api", false, false, Headers.empty(),
				Duration.ofSeconds(10), false, 3, LifespanMode.OFF, 1024, 2048,
				new WebSocketConfig(false, 1024 * 1024, 4, Duration.ZERO, Duration.ofSeconds(5), false),
				Duration.ofSeconds(7), Duration.ofSeconds(8), Duration.ofSeconds(9), 100, 10, null,
				new Http2Config(false, true, 10, 1000, 2048), Path.of("/tmp/uvi.sock"), 0660, 50, 1024 * 1024,
				Duration.ofSeconds(12), 128,
				new ProxyHeadersConfig(false, List.of("10.0.0.0/8", "192.168.0.1"), true, true), "%(h)s %(s)s",
				List.of("/health/*", "/ready"), UviServerListener.NOOP));
	}

	@Test
	void limitsAreUnsetByDefaultAndRefuseNegativeValues() {
		UviProperties properties = bind();
		assertThat(properties.limitConcurrency()).isNull();
		assertThat(properties.maxRequestBodySize()).isNull();
		assertThatExceptionOfType(InvalidUviPropertyException.class)
			.isThrownBy(() -> config("uvi.limit-concurrency=-1"))
			.withMessage("uvi.limit-concurrency: -1 (expected: >= 0, 0 for no limit)");
		assertThatExceptionOfType(InvalidUviPropertyException.class)
			.isThrownBy(() -> config("uvi.timeout-request-header=0"))
			.withMessage("uvi.timeout-request-header: PT0S (expected: > 0)");
	}

	@Test
	void malformedForwardedAllowIpsNamesTheProperty() {
		assertThatExceptionOfType(InvalidUviPropertyException.class)
			.isThrownBy(() -> config("uvi.forwarded-allow-ips=10.0.0.0/33"))
			.satisfies((ex) -> assertThat(ex.property()).isEqualTo("uvi.forwarded-allow-ips"))
			.withMessageContaining("'10.0.0.0/33'");
	}

	@Test
	void invalidWebSocketSettingsNameTheirProperty() {
		assertThatExceptionOfType(InvalidUviPropertyException.class)
			.isThrownBy(() -> config("uvi.ws.ping-timeout=0"))
			.withMessage("uvi.ws.ping-timeout: PT0S (expected: > 0)");
	}

	@Test
	void unknownAccessLogAtomIsRefusedNamingThePropertyAndTheAtom() {
		assertThatExceptionOfType(InvalidUviPropertyException.class)
			.isThrownBy(() -> config("uvi.access-log-format=%(h)s %(zz)s"))
			.satisfies((ex) -> assertThat(ex.property()).isEqualTo("uvi.access-log-format"))
			.withMessageStartingWith("uvi.access-log-format: '%(zz)s' (expected: an atom of h, l, u, t,");
	}

	@Test
	void accessLogExclusionMustBeAPath() {
		assertThatExceptionOfType(InvalidUviPropertyException.class)
			.isThrownBy(() -> config("uvi.access-log-exclude=health"))
			.withMessage("uvi.access-log-exclude: 'health' (expected: a path pattern starting with '/', e.g. /health/*)");
	}

	@Test
	void metricsAreOnAndThePrometheusRouteOffByDefault() {
		assertThat(bind().metrics()).isEqualTo(new UviProperties.Metrics(true, null));
	}

	@Test
	void headersSplitOnTheFirstColonAndTrimTheValue() {
		UviConfig config = config("uvi.headers[0]=X-Served-By: uvi", "uvi.headers[1]=X-Link:http://a:1/ ",
				"uvi.headers[2]=X-Empty:");
		assertThat(config.headers()).isEqualTo(Headers.of("x-served-by", "uvi", "x-link", "http://a:1/", "x-empty", ""));
	}

	@Test
	void headersBindFromACommaSeparatedList() {
		assertThat(config("uvi.headers=X-A: 1,X-B: 2").headers()).isEqualTo(Headers.of("x-a", "1", "x-b", "2"));
	}

	@Test
	void headerWithoutColonIsRefusedNamingItsIndex() {
		assertThatExceptionOfType(InvalidUviPropertyException.class)
			.isThrownBy(() -> config("uvi.headers[0]=X-A: 1", "uvi.headers[1]=X-Broken"))
			.withMessage("uvi.headers[1]: 'X-Broken' (expected: 'Name: Value')")
			.satisfies((ex) -> assertThat(ex.property()).isEqualTo("uvi.headers[1]"));
	}

	@Test
	void headerWithInvalidNameIsRefusedNamingTheProperty() {
		assertThatExceptionOfType(InvalidUviPropertyException.class)
			.isThrownBy(() -> config("uvi.headers[0]=Bad Name: 1"))
			.satisfies((ex) -> assertThat(ex.property()).isEqualTo("uvi.headers"))
			.withMessageContaining("'bad name'");
	}

	@Test
	void valueTheCoreRefusesIsReportedUnderTheFullPropertyName() {
		assertThatExceptionOfType(InvalidUviPropertyException.class).isThrownBy(() -> config("uvi.port=70000"))
			.withMessage("uvi.port: 70000 (expected: 0-65535)")
			.satisfies((ex) -> assertThat(ex.detail()).isEqualTo("70000 (expected: 0-65535)"));
		assertThatExceptionOfType(InvalidUviPropertyException.class).isThrownBy(() -> config("uvi.root-path=api/"))
			.satisfies((ex) -> assertThat(ex.property()).isEqualTo("uvi.root-path"));
		assertThatExceptionOfType(InvalidUviPropertyException.class).isThrownBy(() -> config("uvi.workers=0"))
			.withMessage("uvi.workers: 0 (expected: >= 1)");
	}

	@Test
	void sizeBeyondAnIntIsRefusedNamingTheProperty() {
		assertThatExceptionOfType(InvalidUviPropertyException.class)
			.isThrownBy(() -> config("uvi.max-header-size=4GB"))
			.satisfies((ex) -> assertThat(ex.property()).isEqualTo("uvi.max-header-size"));
	}

	@Test
	void everyPropertyIsDescribedInTheMetadataIdesRead() throws Exception {
		// The processor merges additional-spring-configuration-metadata.json (uvi.enabled) into this file.
		List<Map<String, Object>> properties;
		try (InputStream json = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			properties = JsonPath.parse(json).read("$.properties[?(@.name =~ /uvi\\..*/)]");
		}
		assertThat(properties).extracting((property) -> property.get("name"))
			.containsExactlyInAnyOrder("uvi.enabled", "uvi.host", "uvi.port", "uvi.root-path", "uvi.server-header",
					"uvi.date-header", "uvi.headers", "uvi.timeout-keep-alive", "uvi.access-log", "uvi.workers",
					"uvi.lifespan", "uvi.max-request-line-size", "uvi.max-header-size", "uvi.ws.enabled",
					"uvi.ws.max-size", "uvi.ws.max-queue", "uvi.ws.ping-interval", "uvi.ws.ping-timeout",
					"uvi.ws.per-message-deflate", "uvi.timeout-graceful-shutdown", "uvi.timeout-lifespan-startup",
					"uvi.timeout-lifespan-shutdown", "uvi.limit-max-requests", "uvi.limit-max-requests-jitter",
					"uvi.ssl.certfile", "uvi.ssl.keyfile", "uvi.ssl.keyfile-password", "uvi.ssl.ca-certs",
					"uvi.ssl.cert-reqs", "uvi.ssl.ciphers", "uvi.ssl.protocols", "uvi.ssl.bundle", "uvi.http2",
					"uvi.h2c", "uvi.http2-max-concurrent-streams", "uvi.http2-initial-window-size",
					"uvi.http2-max-header-list-size", "uvi.uds", "uvi.uds-permissions",
					"uvi.limit-concurrency", "uvi.max-request-body-size", "uvi.timeout-request-header", "uvi.backlog",
					"uvi.proxy-headers", "uvi.forwarded-allow-ips", "uvi.forwarded-host-headers",
					"uvi.forwarded-header", "uvi.access-log-format", "uvi.access-log-exclude", "uvi.metrics.enabled",
					"uvi.metrics.prometheus-path");
		assertThat(properties).allSatisfy((property) -> assertThat((String) property.get("description")).endsWith("."));
	}

	@Test
	void propertiesMapperRunsBeforeUnorderedCustomizers() {
		assertThat(new PropertiesUviConfigCustomizer(bind()).getOrder()).isZero();
	}

	private static UviConfig config(String... properties) {
		UviConfig.Builder builder = UviConfig.builder();
		new PropertiesUviConfigCustomizer(bind(properties)).customize(builder);
		return builder.build();
	}

	private static UviProperties bind(String... properties) {
		Map<String, String> source = new LinkedHashMap<>();
		for (String property : properties) {
			int equals = property.indexOf('=');
			source.put(property.substring(0, equals), property.substring(equals + 1));
		}
		return new Binder(new MapConfigurationPropertySource(source)).bindOrCreate("uvi", UviProperties.class);
	}
}
