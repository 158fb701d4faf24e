package io.github.wavestarter.aot;

import java.lang.reflect.Type;
import java.util.List;

import io.github.wavestarter.blue.api.Account;
import io.github.wavestarter.blue.api.ApiUser;
import io.github.wavestarter.blue.api.AwsCost;
import io.github.wavestarter.blue.api.AwsOptions;
import io.github.wavestarter.blue.api.AzureCost;
import io.github.wavestarter.blue.api.AzureOptions;
import io.github.wavestarter.blue.api.CostItem;
import io.github.wavestarter.blue.api.GcpCost;
import io.github.wavestarter.blue.api.GcpOptions;
import io.github.wavestarter.blue.api.KeyValue;
import io.github.wavestarter.blue.api.Org;
import io.github.wavestarter.blue.api.ReadCostsRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Runtime hints (for native images) of what the starter binds with Jackson outside the
 * HTTP service interfaces, registered in {@code META-INF/spring/aot.factories}.
 * <p>
 * Spring Framework already registers the return and body types of the {@code IamApi},
 * {@code OrgApi} and {@code CostApi} beans, but the Blue API records are also read
 * through {@code BlueStreams} ({@code blueStreams.resultsOf(CostItem.class)}),
 * {@code bodyToMono(Org.class)} on {@code waveWebClient}, or an application's own
 * {@code @HttpExchange} interfaces, and written with {@code bodyValue(request)}: this
 * registrar gives every record of {@code io.github.wavestarter.blue.api} (and, through
 * {@link BindingReflectionHintsRegistrar}, the records its components name) the
 * constructor and accessors Jackson calls, whether or not the typed client beans exist.
 * <p>
 * Token responses and error bodies need no hint: the starter reads them as Jackson trees
 * ({@code Map} and {@code JsonNode}), never into classes by reflection.
 */
class WaveRuntimeHints implements RuntimeHintsRegistrar {

	/** The records of the Blue API that the starter reads or writes. */
	static final List<Class<?>> BLUE_API_RECORDS = List.of(Account.class, ApiUser.class, Org.class, CostItem.class,
			AwsCost.class, GcpCost.class, AzureCost.class, KeyValue.class, ReadCostsRequest.class, AwsOptions.class,
			GcpOptions.class, AzureOptions.class);

	private final BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		this.bindings.registerReflectionHints(hints.reflection(), BLUE_API_RECORDS.toArray(Type[]::new));
	}

}
