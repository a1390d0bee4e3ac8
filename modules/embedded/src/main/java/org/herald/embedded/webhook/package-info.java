/**
 * The built-in webhook receiver's store, with each webhook's Standard Webhooks signature
 * checked, for the dev inbox.
 */
@NullMarked
package org.herald.embedded.webhook;

import org.jspecify.annotations.NullMarked;
