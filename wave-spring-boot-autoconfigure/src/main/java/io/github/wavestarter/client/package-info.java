/**
 * The Wave clients as an application sees them: the Wave token on {@code waveWebClient}
 * ({@link io.github.wavestarter.client.WaveBearerTokenFilter}), on {@code waveRestClient}
 * ({@link io.github.wavestarter.client.WaveBearerTokenInterceptor}) and on clients of the
 * application's own, only under the Blue API base URL; and the one-method customizers of
 * the Blue API clients and of the token endpoint client.
 */
@NullMarked
package io.github.wavestarter.client;

import org.jspecify.annotations.NullMarked;
