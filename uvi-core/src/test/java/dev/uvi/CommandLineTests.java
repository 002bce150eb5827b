package dev.uvi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.uvi.CommandLine.Action;
import dev.uvi.CommandLine.Invocation;
import dev.uvi.asgi.Headers;
import dev.uvi.server.LifespanMode;
import dev.uvi.server.ProxyHeadersConfig;
import dev.uvi.server.TlsConfig;
import dev.uvi.server.UviConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTests {

	@Test
	void appAloneGivesUvicornsDefaults() {
		Invocation invocation = parse("com.example.Main::app");
		assertThat(invocation.action()).isEqualTo(Action.RUN);
		assertThat(invocation.app()).isEqualTo("com.example.Main::app");
		assertThat(invocation.config()).isEqualTo(UviConfig.defaults());
		assertThat(invocation.factory()).isFalse();
	}

	@Test
	void everyValueFlagIsReadInBothForms() {
		for (String form : List.of(" ", "=")) {
			UviConfig config = parse(split("a::b --host" + form + "0.0.0.0 --port" + form + "9000 --root-path" + form
					+ "/api --timeout-keep-alive" + form + "2.5 --workers" + form + "3 --lifespan" + form + "on"
					+ " --max-request-line-size" + form + "4KB --max-header-size" + form + "32KB --limit-max-requests"
					+ form + "100 --limit-max-requests-jitter" + form + "7 --timeout-graceful-shutdown" + form + "30"
					+ " --timeout-lifespan-startup" + form + "500ms --timeout-lifespan-shutdown" + form + "1m"))
				.config();
			assertThat(config.host()).isEqualTo("0.0.0.0");
			assertThat(config.port()).isEqualTo(9000);
			assertThat(config.rootPath()).isEqualTo("/api");
			assertThat(config.timeoutKeepAlive()).isEqualTo(Duration.ofMillis(2500));
			assertThat(config.workers()).isEqualTo(3);
			assertThat(config.lifespan()).isEqualTo(LifespanMode.ON);
			assertThat(config.maxRequestLineSize()).isEqualTo(4096);
			assertThat(config.maxHeaderSize()).isEqualTo(32768);
			assertThat(config.limitMaxRequests()).isEqualTo(100);
			assertThat(config.limitMaxRequestsJitter()).isEqualTo(7);
			assertThat(config.timeoutGracefulShutdown()).isEqualTo(Duration.ofSeconds(30));
			assertThat(config.timeoutLifespanStartup()).isEqualTo(Duration.ofMillis(500));
			assertThat(config.timeoutLifespanShutdown()).isEqualTo(Duration.ofMinutes(1));
		}
	}

	@Test
	void webSocketFlagsBuildOneWebSocketConfig() {
		UviConfig config = parse(split("a::b --ws-max-size 1MB --ws-max-queue 8 --ws-ping-interval 0"
				+ " --ws-ping-timeout 3s --no-ws-per-message-deflate")).config();
		assertThat(config.ws().maxSize()).isEqualTo(1 << 20);
		assertThat(config.ws().maxQueue()).isEqualTo(8);
		assertThat(config.ws().pingInterval()).isZero();
		assertThat(config.ws().pingTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(config.ws().perMessageDeflate()).isFalse();
		assertThat(config.ws().enabled()).isTrue();
		assertThat(parse("a::b", "--ws", "none").config().ws().enabled()).isFalse();
		assertThat(parse("a::b", "--ws=auto").config().ws().enabled()).isTrue();
	}

	@Test
	void switchesTakeNoValueOrTrueOrFalseAfterAnEqualsSign() {
		UviConfig off = parse("a::b", "--no-access-log", "--no-server-header", "--no-date-header").config();
		assertThat(off.accessLog()).isFalse();
		assertThat(off.serverHeader()).isFalse();
		assertThat(off.dateHeader()).isFalse();
		UviConfig on = parse("a::b", "--no-access-log", "--access-log", "--server-header=TRUE",
				"--date-header=false").config();
		assertThat(on.accessLog()).isTrue();
		assertThat(on.serverHeader()).isTrue();
		assertThat(on.dateHeader()).isFalse();
		assertThat(parse("--factory", "a::b").factory()).isTrue();
	}

	@Test
	void socketTlsAndHttp2FlagsBuildTheirConfigs() {
		UviConfig config = parse(split("a::b --uds /run/uvi.sock --uds-permissions 0660 --ssl-certfile c.pem"
				+ " --ssl-keyfile k.pem --ssl-keyfile-password pw --ssl-ca-certs ca.pem --ssl-cert-reqs 2 --no-http2"
				+ " --h2c")).config();
		assertThat(config.uds()).isEqualTo(Path.of("/run/uvi.sock"));
		assertThat(config.udsPermissions()).isEqualTo(0660);
		assertThat(config.tls().certfile()).isEqualTo(Path.of("c.pem"));
		assertThat(config.tls().keyfile()).isEqualTo(Path.of("k.pem"));
		assertThat(config.tls().keyfilePassword()).isEqualTo("pw");
		assertThat(config.tls().caCerts()).isEqualTo(Path.of("ca.pem"));
		assertThat(config.tls().certReqs()).isEqualTo(TlsConfig.ClientAuth.REQUIRED);
		assertThat(config.http2().enabled()).isFalse();
		assertThat(config.http2().h2c()).isTrue();
		assertThat(parse("a::b").config().tls()).isNull();
		assertThat(parse("a::b", "--ssl-certfile=c", "--ssl-keyfile=k", "--ssl-cert-reqs=optional").config().tls()
			.certReqs()).isEqualTo(TlsConfig.ClientAuth.OPTIONAL);
		assertUsage("uvi: --ssl-keyfile: missing (expected: --ssl-certfile and --ssl-keyfile together)", "a::b",
				"--ssl-certfile", "c.pem");
		assertUsage("uvi: --uds-permissions: '0999' (expected: octal, e.g. 0660)", "a::b", "--uds-permissions=0999");
		assertUsage("uvi: --uds-permissions: '1777' (expected: an octal mode 0-777)", "a::b", "--uds-permissions=1777");
	}

	@Test
	void limitAndProxyHeaderFlagsBuildTheirConfigs() {
		UviConfig config = parse(split("a::b --limit-concurrency 100 --max-request-body-size 1MB"
				+ " --timeout-request-header 10 --backlog 128 --no-proxy-headers --forwarded-allow-ips 10.0.0.0/8,::1"
				+ " --forwarded-host-headers --forwarded-header")).config();
		assertThat(config.limitConcurrency()).isEqualTo(100);
		assertThat(config.maxRequestBodySize()).isEqualTo(1 << 20);
		assertThat(config.timeoutRequestHeader()).isEqualTo(Duration.ofSeconds(10));
		assertThat(config.backlog()).isEqualTo(128);
		assertThat(config.proxyHeaders()).isEqualTo(new ProxyHeadersConfig(false, List.of("10.0.0.0/8", "::1"), true,
				true));
		assertUsage("uvi: --backlog: 0 (expected: >= 1)", "a::b", "--backlog=0");
	}

	@Test
	void headersRepeatAndSplitOnTheFirstColon() {
		UviConfig config = parse("a::b", "--header", "X-Served-By: uvi", "--header=X-Url:http://x:1").config();
		assertThat(config.headers()).isEqualTo(Headers.of("x-served-by", "uvi", "x-url", "http://x:1"));
	}

	@Test
	void theLastOfARepeatedFlagWinsAndFlagsMayComeBeforeTheApp() {
		Invocation invocation = parse("--port", "1", "--port=2", "a::b", "--port", "3");
		assertThat(invocation.config().port()).isEqualTo(3);
		assertThat(invocation.app()).isEqualTo("a::b");
	}

	@Test
	void doubleDashEndsTheFlags() {
		assertThat(parse("--port", "0", "--", "-odd::name").app()).isEqualTo("-odd::name");
	}

	@Test
	void helpAndVersionWinOverEverythingElse() {
		assertThat(parse("--port", "70000", "--help").action()).isEqualTo(Action.HELP);
		assertThat(parse("-h").action()).isEqualTo(Action.HELP);
		assertThat(parse("--nonsense", "--version").action()).isEqualTo(Action.VERSION);
	}

	@Test
	void valuesTheConfigRefusesAreReportedWithTheFlagAndTheValueAsTyped() {
		assertUsage("uvi: --port: 70000 (expected: 0-65535)", "a::b", "--port", "70000");
		assertUsage("uvi: --workers: 0 (expected: >= 1)", "a::b", "--workers=0");
		assertUsage("uvi: --timeout-keep-alive: 0 (expected: > 0)", "a::b", "--timeout-keep-alive", "0");
		assertUsage("uvi: --root-path: 'api/' (expected: empty, or starting with '/' and not ending with '/')",
				"a::b", "--root-path", "api/");
		assertUsage("uvi: --ws-max-size: 0 (expected: >= 1 byte)", "a::b", "--ws-max-size", "0");
		assertUsage("uvi: --max-header-size: 100 (expected: >= 256 bytes)", "a::b", "--max-header-size", "100");
		assertUsage("uvi: --header: 'X A: b' (expected: a header name (an RFC 9110 token))", "a::b", "--header",
				"X A: b");
		assertUsage("uvi: --limit-max-requests: -1 (expected: >= 0, 0 for no limit)", "a::b", "--limit-max-requests",
				"-1");
	}

	@Test
	void valuesThatDoNotParseSayWhatWasExpected() {
		assertUsage("uvi: --port: abc (expected: an integer)", "a::b", "--port", "abc");
		assertUsage("uvi: --timeout-graceful-shutdown: 5x (expected: seconds, or a duration such as 500ms, 5s or 2m)",
				"a::b", "--timeout-graceful-shutdown", "5x");
		assertUsage("uvi: --ws-max-size: 1TB (expected: bytes, or a size such as 16KB or 1MB)", "a::b",
				"--ws-max-size", "1TB");
		assertUsage("uvi: --ws-max-size: 2GB (expected: less than 2GB)", "a::b", "--ws-max-size", "2GB");
		assertUsage("uvi: --lifespan: maybe (expected: auto, on, off)", "a::b", "--lifespan", "maybe");
		assertUsage("uvi: --ws: wsproto (expected: auto, none)", "a::b", "--ws", "wsproto");
		assertUsage("uvi: --access-log: 'yes' (expected: true or false)", "a::b", "--access-log=yes");
		assertUsage("uvi: --header: 'X-A' (expected: 'Name: Value')", "a::b", "--header", "X-A");
	}

	@Test
	void malformedCommandLinesSayWhatWasExpected() {
		assertUsage("uvi: --port: no value (expected: N)", "a::b", "--port");
		assertUsage("uvi: --no-access-log: 'x' (expected: no value; --no-access-log alone)", "a::b",
				"--no-access-log=x");
		assertUsage("uvi: --no-port: unknown flag (expected: one of the flags --help lists)", "a::b", "--no-port");
		assertUsage("uvi: --colour: unknown flag (expected: one of the flags --help lists)", "a::b", "--colour");
		assertUsage("uvi: -p: unknown flag (expected: one of the flags --help lists)", "a::b", "-p", "80");
		assertUsage("uvi: --reload: a uvicorn flag uvi does not have (instead: spring-boot-devtools restarts a"
				+ " Spring application on change)", "a::b", "--reload");
		assertUsage("uvi: APP: missing (expected: class::staticField or class::staticMethod,"
				+ " e.g. com.example.Main::app; see --help)", "--port", "0");
		assertUsage("uvi: APP: 'c::d' is a second application (expected: one APP, class::staticField or"
				+ " class::staticMethod, e.g. com.example.Main::app; flags start with --)", "a::b", "c::d");
	}

	@Test
	void durationsAndSizesReadTheStartersForms() {
		assertThat(FlagValues.duration("30")).isEqualTo(Duration.ofSeconds(30));
		assertThat(FlagValues.duration("0.25")).isEqualTo(Duration.ofMillis(250));
		assertThat(FlagValues.duration("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(FlagValues.duration("5S")).isEqualTo(Duration.ofSeconds(5));
		assertThat(FlagValues.duration("2h")).isEqualTo(Duration.ofHours(2));
		assertThat(FlagValues.size("1024")).isEqualTo(1024);
		assertThat(FlagValues.size("16kb")).isEqualTo(16384);
		assertThat(FlagValues.size("1GB")).isEqualTo(1 << 30);
		assertThat(FlagValues.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
		assertThat(FlagValues.format(Duration.ofNanos(1))).isEqualTo("0.000000001");
		assertThat(FlagValues.formatSize(16 << 20)).isEqualTo("16MB");
		assertThat(FlagValues.formatSize(1000)).isEqualTo("1000");
	}

	@Test
	void helpListsEveryFlagWithItsDefault() {
		String help = Help.usage();
		for (Flag flag : Flags.ALL) {
			assertThat(help).contains("--" + flag.name()).contains("[default: " + flag.defaultValue() + "]");
		}
		assertThat(help).contains("--no-access-log", "--timeout-graceful-shutdown SECONDS", "[default: 8000]",
				"[default: 16MB]", "[default: unset]", "--version");
	}

	private static Invocation parse(String... args) {
		return CommandLine.parse(Arrays.asList(args));
	}

	private static String[] split(String line) {
		return line.split(" ");
	}

	private static void assertUsage(String line, String... args) {
		assertThatExceptionOfType(RunnerException.class).isThrownBy(() -> parse(args))
			.satisfies((ex) -> assertThat("uvi: " + ex.getMessage()).isEqualTo(line))
			.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(2));
	}
}
