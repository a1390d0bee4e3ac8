/**
 * What members are owed under PECR and UK GDPR: what they leave stops at once
 * ({@link org.herald.notifier.privacy.Withdrawal}), erasure removes every row that names
 * them ({@link org.herald.notifier.privacy.Erasure}), addresses are masked in logs
 * ({@link org.herald.notifier.privacy.MaskedAddresses}), and old rows are pruned on a
 * schedule ({@link org.herald.notifier.privacy.Retention}).
 */
@NullMarked
package org.herald.notifier.privacy;

import org.jspecify.annotations.NullMarked;
