package io.github.wavestarter.readme;

import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

// @formatter:off
// README:begin
@HttpExchange("/billing")                           // the service base, from the API reference
interface BillingApi {

    @GetExchange("/v1/billinggroups")               // Billing_ListBillingGroups (streaming)
    Flux<JsonNode> listBillingGroups();
}
// README:end
// @formatter:on
