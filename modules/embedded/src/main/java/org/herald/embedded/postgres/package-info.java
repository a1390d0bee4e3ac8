/**
 * An embedded PostgreSQL 15 whose data survives restarts and crashes of the app, kept in
 * the data directory.
 */
@NullMarked
package org.herald.embedded.postgres;

import org.jspecify.annotations.NullMarked;
