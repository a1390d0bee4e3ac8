/**
 * Benchmarks that print figures on the machine they run on: the tagger's throughput and
 * allocation on one core, beside the raw ceiling of the same text analysis. Nothing here
 * is asserted.
 */
@NullMarked
package org.herald.bench;

import org.jspecify.annotations.NullMarked;
