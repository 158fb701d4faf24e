package io.github.wavestarter.readme;

import io.github.wavestarter.blue.api.CostApi;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.client.WebClient;

// @formatter:off
// README:begin
@Service
class Costs {

    private final CostApi costs;          // typed Blue API client
    private final WebClient wave;         // or the raw client, for any of the 601 operations

    Costs(CostApi costs, @Qualifier("waveWebClient") WebClient wave) {
        this.costs = costs;
        this.wave = wave;
    }

    Mono<String> whoami() {
        return this.wave.get().uri("/iam/v1/whoami").retrieve().bodyToMono(String.class);
    }
}
// README:end
// @formatter:on
