/**
 * HTTP settings and connector of the Wave clients.
 */
@NullMarked
package io.github.wavestarter.http;

import org.jspecify.annotations.NullMarked;
