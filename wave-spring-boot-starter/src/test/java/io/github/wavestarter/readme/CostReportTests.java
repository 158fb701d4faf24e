package io.github.wavestarter.readme;

import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.spring.EnableMockWave;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

// @formatter:off
// README:begin
@SpringBootTest
@EnableMockWave                       // points wave.token-uri, wave.base-url, wave.client-id, ... at the emulator
class CostReportTests {

    @Autowired MockWaveServer wave;
    @Autowired CostReportService reports;

    @Test
    void survivesATokenEndpointOutage() {
        wave.faults().token().failNext(2).withStatus(503).withRetryAfter(1);

        assertThat(reports.thisMonth()).isNotEmpty();
        assertThat(wave.journal().tokenRequestCount()).isEqualTo(3);
        assertThat(wave.journal().lastTokenRequest().isMultipart()).isTrue();
    }
}
// README:end
// @formatter:on
