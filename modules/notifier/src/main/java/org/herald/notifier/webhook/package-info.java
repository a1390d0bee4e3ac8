/**
 * Webhooks to partners: one signed POST per delivery, per the Standard Webhooks
 * specification.
 */
package org.herald.notifier.webhook;
