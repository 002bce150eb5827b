package dev.uvi.spring.lifecycle;

import dev.uvi.server.Lifespan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;

/** A {@link Lifespan} bean under its bean name, so that log lines and failures name the bean. */
public record NamedLifespan(String name, Lifespan delegate) implements Lifespan {

	/** @return every {@link Lifespan} bean, in {@code @Order} / {@code Ordered} order, named by bean name */
	public static List<Lifespan> ordered(ListableBeanFactory beans) {
		Map<String, Lifespan> byName = beans.getBeansOfType(Lifespan.class);
		List<Map.Entry<String, Lifespan>> entries = new ArrayList<>(byName.entrySet());
		entries.sort((a, b) -> AnnotationAwareOrderComparator.INSTANCE.compare(a.getValue(), b.getValue()));
		return entries.stream().<Lifespan>map((entry) -> new NamedLifespan(entry.getKey(), entry.getValue())).toList();
	}

	@Override
	public CompletionStage<Void> startup(Map<String, Object> state) {
		return this.delegate.startup(state);
	}

	@Override
	public CompletionStage<Void> shutdown(Map<String, Object> state) {
		return this.delegate.shutdown(state);
	}
}
