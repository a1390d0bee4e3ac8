/**
 * Starts and stops the three services inside the app, each in an application context of
 * its own.
 */
package org.herald.app.services;
