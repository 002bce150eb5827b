package dev.uvi.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.AsgiApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** The real application class, component scan included, without a server ({@code uvi.enabled=false}). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "uvi.enabled=false")
class SampleApplicationTests {

	@Autowired
	ApplicationContext context;

	@Test
	void theApplicationDeclaresExactlyOneAsgiApplicationNamedRouter() {
		// a bean named "sampleApplication" would clash with the @SpringBootApplication class's own bean
		assertThat(this.context.getBeanNamesForType(AsgiApplication.class)).containsExactly("router");
	}
}
