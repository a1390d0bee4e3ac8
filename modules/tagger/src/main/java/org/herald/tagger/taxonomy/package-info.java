/**
 * The taxonomy: the staff-editable YAML file of tags, their weighted terms, context and
 * veto terms, field weights and relevance rules, read and validated into plain records.
 * No Spring, no Kafka.
 */
@NullMarked
package org.herald.tagger.taxonomy;

import org.jspecify.annotations.NullMarked;
