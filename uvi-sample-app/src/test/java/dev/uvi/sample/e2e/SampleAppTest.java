package dev.uvi.sample.e2e;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole sample app on a free port, read back from {@code local.uvi.port}. Every class with this
 * annotation and nothing else shares one cached context, hence one server: tests must not depend on
 * being the first request it serves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "uvi.port=0")
@interface SampleAppTest {

}
