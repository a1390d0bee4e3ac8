/**
 * Starts and stops the three services inside the app, each in an application context of
 * its own.
 */
@NullMarked
package org.herald.app.services;

import org.jspecify.annotations.NullMarked;
