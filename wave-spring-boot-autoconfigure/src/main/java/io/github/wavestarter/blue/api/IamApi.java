package io.github.wavestarter.blue.api;

import reactor.core.publisher.Mono;

import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * Blue API {@code Iam} service (subset), served at
 * {@code https://api.alphaus.cloud/m/blue}, whose paths start with {@code /iam}.
 */
@HttpExchange
public interface IamApi {

	/**
	 * {@code GET /iam/v1/whoami} ({@code Iam_WhoAmI}): the caller's identity.
	 * @return the user
	 */
	@GetExchange("/iam/v1/whoami")
	Mono<ApiUser> whoAmI();

}
