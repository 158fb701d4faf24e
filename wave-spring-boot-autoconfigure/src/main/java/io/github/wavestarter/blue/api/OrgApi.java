package io.github.wavestarter.blue.api;

import reactor.core.publisher.Mono;

import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * Blue API {@code Organization} service (subset), served at
 * {@code https://api.alphaus.cloud/m/blue}, whose paths start with {@code /org}.
 */
@HttpExchange
public interface OrgApi {

	/**
	 * {@code GET /org/v1} ({@code Organization_GetOrg}): the caller's organization.
	 * @return the organization
	 */
	@GetExchange("/org/v1")
	Mono<Org> getOrg();

}
