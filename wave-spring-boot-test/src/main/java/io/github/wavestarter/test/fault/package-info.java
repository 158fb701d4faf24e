/**
 * Fluent fault injection: status codes, delays, dropped connections, HTML pages,
 * truncated JSON, mid-stream errors.
 */
package io.github.wavestarter.test.fault;
