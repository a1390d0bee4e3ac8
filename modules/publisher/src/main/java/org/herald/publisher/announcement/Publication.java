package org.herald.publisher.announcement;

import java.util.UUID;

/**
 * What became of a submitted announcement.
 *
 * @param id its id
 * @param duplicate {@code true} when it had been published before, so nothing was written
 * this time
 */
public record Publication(UUID id, boolean duplicate) {
}
