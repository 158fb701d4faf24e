package io.github.wavestarter.readme;

import io.github.wavestarter.blue.api.ApiUser;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

// @formatter:off
// README:begin
@RestController
class WhoAmIController {

    private final RestClient wave;        // blocking: Spring MVC, batch jobs, virtual threads

    WhoAmIController(@Qualifier("waveRestClient") RestClient wave) {
        this.wave = wave;
    }

    @GetMapping("/whoami")
    ApiUser whoami() {
        return this.wave.get().uri("/iam/v1/whoami").retrieve().body(ApiUser.class);
    }
}
// README:end
// @formatter:on
