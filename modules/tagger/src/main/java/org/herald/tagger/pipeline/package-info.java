/**
 * The read-process-write pipeline: announcements from {@code herald.announcements},
 * tagged, to {@code herald.announcements.tagged}, in one Kafka transaction per record.
 */
@NullMarked
package org.herald.tagger.pipeline;

import org.jspecify.annotations.NullMarked;
