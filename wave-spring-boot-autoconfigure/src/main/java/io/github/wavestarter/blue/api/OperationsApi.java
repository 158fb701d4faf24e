package io.github.wavestarter.blue.api;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * Blue API {@code Operations} service (subset), served at
 * {@code https://api.alphaus.cloud/m/blue}, whose paths start with {@code /ops}: the
 * long-running operations that {@link CostApi#calculateCosts} and
 * {@link CostApi#exportReport} start. {@link io.github.wavestarter.blue.BlueOperations}
 * polls them until they are done.
 */
@HttpExchange
public interface OperationsApi {

	/**
	 * {@code GET /ops/v1/{name}} ({@code Operations_GetOperation}): the latest state of
	 * an operation. The name is sent as one path segment (a {@code /} in it is encoded).
	 * @param name the operation's {@code name}
	 * @return the operation
	 */
	@GetExchange("/ops/v1/{name}")
	Mono<Operation> getOperation(@PathVariable String name);

}
