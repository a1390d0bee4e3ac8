/**
 * Sources of announcements: GOV.UK Atom feeds, the GOV.UK Search API and other RSS/Atom
 * feeds, managed through {@code /api/v1/sources} and polled on their intervals; each new
 * entry is published through the same path as the HTTP API, so an entry already published
 * is a duplicate and nothing more, and a page a source lists again under a new key is an
 * update of it.
 */
@NullMarked
package org.herald.publisher.feed;

import org.jspecify.annotations.NullMarked;
