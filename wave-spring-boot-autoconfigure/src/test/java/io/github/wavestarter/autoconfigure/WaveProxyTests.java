package io.github.wavestarter.autoconfigure;

import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code HTTPS_PROXY} and {@code NO_PROXY} parsing.
 */
class WaveProxyTests {

	@Test
	void parsesHttpsProxyWithCredentials() {
		WaveProxy proxy = WaveProxy.fromEnvironment(
				Map.of("https_proxy", "http://us%40er:p%3Ass@proxy.corp:3128/", "NO_PROXY", "localhost")::get);
		assertThat(proxy.host()).isEqualTo("proxy.corp");
		assertThat(proxy.port()).isEqualTo(3128);
		assertThat(proxy.username()).isEqualTo("us@er");
		assertThat(proxy.password()).isEqualTo("p:ss");
		assertThat(proxy.toString()).doesNotContain("p:ss").contains("password=******");
	}

	@Test
	void uppercaseWinsAndSchemeAndPortDefault() {
		WaveProxy proxy = WaveProxy
			.fromEnvironment(Map.of("HTTPS_PROXY", "proxy.corp", "https_proxy", "http://other:1")::get);
		assertThat(proxy.host()).isEqualTo("proxy.corp");
		assertThat(proxy.port()).isEqualTo(80);
		assertThat(proxy.username()).isNull();
		assertThat(proxy.nonProxyHosts()).isNull();
	}

	@Test
	void unsetMeansNoProxy() {
		assertThat(WaveProxy.fromEnvironment(Map.<String, String>of()::get)).isNull();
	}

	@Test
	void rejectsUnsupportedProxyWithoutLeakingPassword() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WaveProxy.fromEnvironment(Map.of("HTTPS_PROXY", "socks5://u:Secr3t@proxy:1080")::get))
			.withMessageContaining("socks5")
			.withMessageNotContaining("Secr3t");
	}

	@Test
	void noProxyMatchesHostsAndDomainSuffixes() {
		Pattern pattern = Pattern
			.compile(WaveProxy.noProxyToRegex("localhost, .internal.example,corp.com:8443,*.svc,[::1],10.0.0.1"));
		assertThat(pattern.matcher("localhost").matches()).isTrue();
		assertThat(pattern.matcher("LOCALHOST").matches()).isTrue();
		assertThat(pattern.matcher("api.internal.example").matches()).isTrue();
		assertThat(pattern.matcher("internal.example").matches()).isTrue();
		assertThat(pattern.matcher("corp.com").matches()).isTrue();
		assertThat(pattern.matcher("a.b.corp.com").matches()).isTrue();
		assertThat(pattern.matcher("x.svc").matches()).isTrue();
		assertThat(pattern.matcher("::1").matches()).isTrue();
		assertThat(pattern.matcher("10.0.0.1").matches()).isTrue();
		assertThat(pattern.matcher("api.alphaus.cloud").matches()).isFalse();
		assertThat(pattern.matcher("notcorp.com").matches()).isFalse();
		assertThat(pattern.matcher("10.0.0.11").matches()).isFalse();
		assertThat(WaveProxy.noProxyToRegex("*")).isEqualTo(".*");
		assertThat(WaveProxy.noProxyToRegex(" , ")).isNull();
	}

}
