/**
 * Cross-cutting set-up of the tagger service: the taxonomy and tagger beans, the topics,
 * the transactional listener container's dead-lettering, metrics and health.
 */
@NullMarked
package org.herald.tagger.system;

import org.jspecify.annotations.NullMarked;
