/**
 * HTTP plumbing: bearer-key checks, request body limits and RFC 9457 problem details for
 * every error.
 */
@NullMarked
package org.herald.support.web;

import org.jspecify.annotations.NullMarked;
