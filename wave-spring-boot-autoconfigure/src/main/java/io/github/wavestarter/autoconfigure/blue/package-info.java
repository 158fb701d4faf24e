/**
 * Auto-configuration of the typed Blue API clients and of stream decoding
 * ({@code wave.stream.*}).
 */
@NullMarked
package io.github.wavestarter.autoconfigure.blue;

import org.jspecify.annotations.NullMarked;
