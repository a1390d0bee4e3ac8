/**
 * What a subscription or a partner wants to hear about, and whether an announcement
 * matches it: used at intake, when a member changes what they follow, and again at send
 * time.
 */
@NullMarked
package org.herald.notifier.interest;

import org.jspecify.annotations.NullMarked;
