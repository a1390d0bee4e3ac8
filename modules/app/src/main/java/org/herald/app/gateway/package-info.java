/**
 * The all-in-one app's single front door: routes each request on port 8080 to the service
 * that owns its path, so a newcomer talks to one port as if Herald were one program.
 */
@NullMarked
package org.herald.app.gateway;

import org.jspecify.annotations.NullMarked;
