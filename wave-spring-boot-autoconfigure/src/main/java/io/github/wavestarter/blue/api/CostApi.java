package io.github.wavestarter.blue.api;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * Blue API {@code Cost} service (subset), served at
 * {@code https://api.alphaus.cloud/m/blue/cost}: the paths below are those of the API
 * reference, relative to that base (e.g. {@code POST /m/blue/cost/v1/aws/costs:read}).
 * {@code Flux} methods are server streams: rows arrive as they are read, an in-stream
 * error terminates the Flux with a {@link io.github.wavestarter.blue.BlueApiException},
 * and cancelling the subscription cancels the HTTP exchange.
 */
@HttpExchange(CostApi.BASE)
public interface CostApi {

	/**
	 * Base of the Cost service relative to {@code wave.base-url} ({@code /m/blue}), as
	 * the API reference gives it.
	 */
	String BASE = "/cost";

	/**
	 * {@code GET /v1/{vendor}/accounts} ({@code Cost_ListAccounts}, streaming).
	 * @param vendor {@code aws} or {@code gcp}
	 * @param groupId optional billing group internal id ({@code billingInternalId}, for
	 * Ripple users), {@code null} to omit
	 * @param fieldMask optional field mask, {@code null} to omit
	 * @return the accounts
	 */
	@GetExchange("/v1/{vendor}/accounts")
	Flux<Account> listAccounts(@PathVariable String vendor,
			@RequestParam(name = "groupId", required = false) @Nullable String groupId,
			@RequestParam(name = "fieldMask", required = false) @Nullable String fieldMask);

	/**
	 * {@code GET /v1/{vendor}/accounts} without optional parameters.
	 * @param vendor {@code aws} or {@code gcp}
	 * @return the accounts
	 */
	default Flux<Account> listAccounts(String vendor) {
		return listAccounts(vendor, null, null);
	}

	/**
	 * {@code GET /v1/{vendor}/accounts/{id}} ({@code Cost_GetAccount}).
	 * @param vendor {@code aws} or {@code gcp}
	 * @param id the account id
	 * @return the account
	 */
	@GetExchange("/v1/{vendor}/accounts/{id}")
	Mono<Account> getAccount(@PathVariable String vendor, @PathVariable String id);

	/**
	 * {@code POST /v1/{vendor}/costs:read} ({@code Cost_ReadCosts}, streaming). May
	 * return millions of rows; memory use stays flat.
	 * @param vendor {@code aws}, {@code azure} or {@code gcp}
	 * @param request the read options; dates are {@code yyyymmdd} (or {@code yyyymm}),
	 * e.g. {@code ReadCostsRequest.of(null, "20261101", "20261128")}
	 * @return the cost rows
	 */
	@PostExchange("/v1/{vendor}/costs:read")
	Flux<CostItem> readCosts(@PathVariable String vendor, @RequestBody ReadCostsRequest request);

}
