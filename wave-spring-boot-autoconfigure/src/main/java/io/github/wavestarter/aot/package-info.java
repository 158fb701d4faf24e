/**
 * Runtime hints for Spring AOT and native images.
 */
@NullMarked
package io.github.wavestarter.aot;

import org.jspecify.annotations.NullMarked;
