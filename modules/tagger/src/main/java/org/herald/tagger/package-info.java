/**
 * The tagger service: the Spring Boot application and its entry point, which also runs
 * the {@code evaluate} command.
 */
@NullMarked
package org.herald.tagger;

import org.jspecify.annotations.NullMarked;
