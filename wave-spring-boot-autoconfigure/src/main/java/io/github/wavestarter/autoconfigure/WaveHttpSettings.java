package io.github.wavestarter.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.util.unit.DataSize;

/**
 * HTTP settings shared by the token endpoint client, {@code waveWebClient} and
 * {@code waveRestClient} ({@code wave.http.*}). Every component is optional
 * ({@code null}): what is not set keeps the application's defaults
 * ({@code spring.http.clients.*}).
 *
 * @param connector the HTTP client library, resolved:
 * {@link WaveProperties.Connector#REACTOR} or {@link WaveProperties.Connector#JDK}, never
 * {@code AUTO}
 * @param connectTimeout the connect timeout
 * @param responseTimeout the response (read) timeout
 * @param maxInMemorySize the largest unary response body held in memory
 * @param sslBundle the SSL bundle for TLS connections
 * @param sslBundleName the name of the SSL bundle, for messages
 * @param proxy the outbound proxy
 */
record WaveHttpSettings(WaveProperties.Connector connector, @Nullable Duration connectTimeout,
		@Nullable Duration responseTimeout, @Nullable DataSize maxInMemorySize, @Nullable SslBundle sslBundle,
		@Nullable String sslBundleName, @Nullable WaveProxy proxy) {

	/**
	 * Boot's settings of the Wave clients: {@code wave.http.*} over the application's
	 * {@code spring.http.clients.*}, and never a redirect followed.
	 * @param defaults the application's HTTP client settings, or {@code null}
	 * @return the settings
	 */
	HttpClientSettings clientSettings(@Nullable HttpClientSettings defaults) {
		return new HttpClientSettings(HttpRedirects.DONT_FOLLOW, this.connectTimeout, this.responseTimeout,
				this.sslBundle)
			.orElse((defaults != null) ? defaults : HttpClientSettings.defaults());
	}

	@Override
	public String toString() {
		return "WaveHttpSettings[connector=" + this.connector + ", connectTimeout=" + this.connectTimeout
				+ ", responseTimeout=" + this.responseTimeout + ", maxInMemorySize=" + this.maxInMemorySize
				+ ", sslBundle=" + this.sslBundleName + ", proxy=" + this.proxy + "]";
	}

}
