package dev.uvi.internal.http;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The per-request shallow copy of the lifespan state that ASGI asks for, copied on first write:
 * lookups read the shared map, and only a request that rebinds a key (or iterates) pays for a
 * copy. Copying every request's state up front was the second-hottest frame of a {@code GET /}.
 */
final class StateCopy extends AbstractMap<String, Object> {

	private final Map<String, Object> shared;

	private @Nullable Map<String, Object> copy;

	StateCopy(Map<String, Object> shared) {
		this.shared = shared;
	}

	@Override
	public @Nullable Object get(Object key) {
		return (this.copy != null) ? this.copy.get(key) : this.shared.get(key);
	}

	@Override
	public boolean containsKey(Object key) {
		return (this.copy != null) ? this.copy.containsKey(key) : this.shared.containsKey(key);
	}

	@Override
	public int size() {
		return (this.copy != null) ? this.copy.size() : this.shared.size();
	}

	@Override
	public boolean isEmpty() {
		return (this.copy != null) ? this.copy.isEmpty() : this.shared.isEmpty();
	}

	@Override
	public @Nullable Object put(String key, Object value) {
		return copied().put(key, value);
	}

	@Override
	public @Nullable Object remove(Object key) {
		return copied().remove(key);
	}

	@Override
	public void clear() {
		copied().clear();
	}

	/** Iteration copies too: an entry's {@code setValue} or an iterator's {@code remove} must not reach the shared map. */
	@Override
	public Set<Entry<String, Object>> entrySet() {
		return copied().entrySet();
	}

	private Map<String, Object> copied() {
		if (this.copy == null) {
			this.copy = new HashMap<>(this.shared);
		}
		return this.copy;
	}
}
