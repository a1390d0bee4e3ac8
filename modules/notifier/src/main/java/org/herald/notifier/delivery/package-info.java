/**
 * The delivery ledger and its dispatcher: every send is recorded before it is made,
 * claimed, made, and marked sent, retried on a schedule or failed.
 */
@NullMarked
package org.herald.notifier.delivery;

import org.jspecify.annotations.NullMarked;
