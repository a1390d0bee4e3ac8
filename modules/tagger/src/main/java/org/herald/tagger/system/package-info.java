/**
 * Cross-cutting set-up of the tagger service: the taxonomy and tagger beans, the topics,
 * the transactional listener container's dead-lettering, metrics and health.
 */
package org.herald.tagger.system;
