/**
 * Partner systems that receive announcements by webhook: their endpoints, filters and
 * signing secrets, kept encrypted.
 */
@NullMarked
package org.herald.notifier.partner;

import org.jspecify.annotations.NullMarked;
