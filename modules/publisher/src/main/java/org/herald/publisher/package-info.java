/**
 * The publisher service's entry point; each feature lives in a package of its own below
 * it.
 */
package org.herald.publisher;
