/**
 * Configuration that belongs to no single feature: the topics the notifier writes.
 */
package org.herald.notifier.system;
