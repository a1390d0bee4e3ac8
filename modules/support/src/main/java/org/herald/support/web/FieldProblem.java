package org.herald.support.web;

/**
 * One invalid field of a request, as listed in a problem detail's {@code errors} array.
 *
 * @param field the field's JSON path, e.g. {@code url} or {@code subscriptions[0].match}
 * @param message what is wrong with it
 */
public record FieldProblem(String field, String message) {
}
