/**
 * Publishing an announcement: the HTTP API, the once-only ledger of published ids, and
 * the write to the announcements topic that is acknowledged before anyone is told it
 * happened.
 */
@NullMarked
package org.herald.publisher.announcement;

import org.jspecify.annotations.NullMarked;
