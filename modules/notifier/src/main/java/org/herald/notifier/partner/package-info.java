/**
 * Partner systems that receive announcements by webhook: their endpoints, filters and
 * signing secrets, kept encrypted.
 */
package org.herald.notifier.partner;
