/**
 * OAuth2 grants of the Wave token endpoint and the renewal policy.
 */
@NullMarked
package io.github.wavestarter.token.grant;

import org.jspecify.annotations.NullMarked;
