/**
 * The demo ({@code herald.demo=true}): a member interested in critical minerals and
 * aluminium, and a partner whose endpoint is the app's built-in webhook receiver.
 */
@NullMarked
package org.herald.app.demo;

import org.jspecify.annotations.NullMarked;
