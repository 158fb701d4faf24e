/**
 * Auto-configuration of the HTTP client shared by the Wave clients ({@code wave.http.*}).
 */
@NullMarked
package io.github.wavestarter.autoconfigure.http;

import org.jspecify.annotations.NullMarked;
