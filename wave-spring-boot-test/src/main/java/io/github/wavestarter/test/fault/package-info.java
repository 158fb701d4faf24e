/**
 * Fluent fault injection: status codes, delays, dropped connections, HTML pages,
 * truncated JSON, mid-stream errors, redirects, hostile token responses (see
 * {@link io.github.wavestarter.test.fault.HostileToken}), odd {@code expires_in} values
 * and trickling bodies.
 */
@NullMarked
package io.github.wavestarter.test.fault;

import org.jspecify.annotations.NullMarked;
