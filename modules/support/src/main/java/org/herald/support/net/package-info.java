/**
 * Address checks against server-side request forgery: which hosts and addresses a service
 * may fetch from or call, whatever the URL it was given.
 */
@NullMarked
package org.herald.support.net;

import org.jspecify.annotations.NullMarked;
