/**
 * Feed pollers: read GOV.UK's Atom feed and Search API on a schedule and publish each
 * entry through the same path as the HTTP API, so an entry already published is a
 * duplicate and nothing more.
 */
@NullMarked
package org.herald.publisher.feed;

import org.jspecify.annotations.NullMarked;
