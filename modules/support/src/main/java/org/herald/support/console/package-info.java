/**
 * The staff console's sign-in, shared by every service: a signed, stateless session
 * cookie that each service verifies on its own, CSRF tokens derived from it, and the
 * filter that guards {@code /console/**}.
 */
@NullMarked
package org.herald.support.console;

import org.jspecify.annotations.NullMarked;
