/**
 * Typed Blue API clients and their request and response records.
 */
@NullMarked
package io.github.wavestarter.blue.api;

import org.jspecify.annotations.NullMarked;
