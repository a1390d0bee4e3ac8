/**
 * Gates on sending that staff control: a large or low-relevance fan-out held until staff
 * approve or cancel it, and a global pause. The dispatcher's claim and the digest run
 * skip what a gate holds; lifting it sends what waited.
 */
@NullMarked
package org.herald.notifier.hold;

import org.jspecify.annotations.NullMarked;
