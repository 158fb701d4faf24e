package io.github.wavestarter.autoconfigure;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A value built at its first {@link #get()}, without a lock: threads that race build it
 * each, and all but the first drop theirs. For what is cheap to build twice and must not
 * be built under a lock (building it may enter the bean factory, whose singleton lock a
 * thread waiting here could hold).
 *
 * @param <T> the type of the value
 */
final class Memo<T> implements Supplier<T> {

	private final Supplier<T> factory;

	private final AtomicReference<T> value = new AtomicReference<>();

	Memo(Supplier<T> factory) {
		this.factory = factory;
	}

	@Override
	public T get() {
		T value = this.value.get();
		if (value != null) {
			return value;
		}
		T created = this.factory.get();
		return this.value.compareAndSet(null, created) ? created : this.value.get();
	}

}
