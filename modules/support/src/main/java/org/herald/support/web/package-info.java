/**
 * HTTP plumbing: bearer-key checks, request body limits and RFC 9457 problem details for
 * every error.
 */
package org.herald.support.web;
