/**
 * Webhooks to partners: one signed POST per delivery, per the Standard Webhooks
 * specification.
 */
@NullMarked
package org.herald.notifier.webhook;

import org.jspecify.annotations.NullMarked;
