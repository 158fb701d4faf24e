package io.github.wavestarter.readme;

import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

// @formatter:off
// README:begin
@HttpExchange("/billing")                           // the service base, from the API reference
interface CreditsApi {

    @GetExchange("/v1/credits")                     // Billing_GetCredits (streaming)
    Flux<JsonNode> listCredits();
}
// README:end
// @formatter:on
