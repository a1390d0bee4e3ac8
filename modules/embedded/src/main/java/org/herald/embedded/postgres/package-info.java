/**
 * An embedded PostgreSQL 15 whose data survives restarts and crashes of the app, kept in
 * the data directory.
 */
package org.herald.embedded.postgres;
