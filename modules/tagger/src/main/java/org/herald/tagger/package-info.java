/**
 * The tagger service: the Spring Boot application and its entry point, which also runs
 * the {@code evaluate} command.
 */
package org.herald.tagger;
