package io.github.wavestarter.blue.api;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * Blue API {@code Cover} service (subset), served at
 * {@code https://api.alphaus.cloud/m/blue/cover}: the paths below are those of the API
 * reference, relative to that base.
 */
@HttpExchange(CoverApi.BASE)
public interface CoverApi {

	/**
	 * Base of the Cover service relative to {@code wave.base-url} ({@code /m/blue}), as
	 * the API reference gives it.
	 */
	String BASE = "/cover";

	/**
	 * {@code POST /v1/alerts/anomaly/all:read} ({@code Cover_ListAnomalyAlert},
	 * streaming; no request body).
	 * @return the anomaly alerts
	 */
	@PostExchange("/v1/alerts/anomaly/all:read")
	Flux<AnomalyAlert> listAnomalyAlerts();

	/**
	 * {@code GET /v1/alerts/anomaly/{id}} ({@code Cover_GetAnomalyAlert}).
	 * @param id the alert id
	 * @return the anomaly alert
	 */
	@GetExchange("/v1/alerts/anomaly/{id}")
	Mono<AnomalyAlert> getAnomalyAlert(@PathVariable String id);

}
