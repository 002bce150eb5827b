package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.uvi.asgi.Headers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UviConfigTests {

	@Test
	void defaultsAreUvicorns() {
		UviConfig config = UviConfig.defaults();
		assertThat(config.host()).isEqualTo("127.0.0.1");
		assertThat(config.port()).isEqualTo(8000);
		assertThat(config.rootPath()).isEmpty();
		assertThat(config.serverHeader()).isTrue();
		assertThat(config.dateHeader()).isTrue();
		assertThat(config.headers()).isEqualTo(Headers.empty());
		assertThat(config.timeoutKeepAlive()).isEqualTo(Duration.ofSeconds(5));
		assertThat(config.accessLog()).isTrue();
		assertThat(config.workers()).isEqualTo(Runtime.getRuntime().availableProcessors());
		assertThat(config.lifespan()).isEqualTo(LifespanMode.AUTO);
		assertThat(config.maxRequestLineSize()).isEqualTo(8192);
	}

	@Test
	void invalidValuesAreRefusedWithTheValueAndTheExpectation() {
		assertThatIllegalArgumentException().isThrownBy(() -> UviConfig.builder().port(70000))
			.withMessage("port: 70000 (expected: 0-65535)");
		assertThatIllegalArgumentException().isThrownBy(() -> UviConfig.builder().workers(0))
			.withMessage("workers: 0 (expected: >= 1)");
		assertThatIllegalArgumentException().isThrownBy(() -> UviConfig.builder().rootPath("api/"))
			.withMessage("root-path: 'api/' (expected: empty, or starting with '/' and not ending with '/')");
		assertThatIllegalArgumentException().isThrownBy(() -> UviConfig.builder().timeoutKeepAlive(Duration.ZERO))
			.withMessage("timeout-keep-alive: PT0S (expected: > 0)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UviConfig.builder().headers(Headers.of("x-a", "v\r\nInjected: 1")))
			.withMessageStartingWith("headers: 'x-a' value");
	}

	@Test
	void toBuilderKeepsEverySetting() {
		UviConfig config = UviConfig.builder().port(9000).rootPath("/api").accessLog(false).workers(3).build();
		assertThat(config.toBuilder().build()).isEqualTo(config);
	}
}
