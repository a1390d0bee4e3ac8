/**
 * The association's commentary on announcements, "what this means for members": the admin
 * API that adds and edits it.
 */
@NullMarked
package org.herald.notifier.commentary;

import org.jspecify.annotations.NullMarked;
