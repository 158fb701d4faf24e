/**
 * Blue API errors and grpc-gateway streams.
 */
@NullMarked
package io.github.wavestarter.blue;

import org.jspecify.annotations.NullMarked;
