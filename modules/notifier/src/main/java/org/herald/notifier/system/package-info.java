/**
 * Configuration that belongs to no single feature: the topics the notifier writes.
 */
@NullMarked
package org.herald.notifier.system;

import org.jspecify.annotations.NullMarked;
