package org.herald.support.web;

import java.util.List;

/**
 * Thrown by application code when a request is well-formed JSON but some of its fields
 * are invalid; answered with 400 and a problem detail listing each field.
 */
public class InvalidFieldsException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidFieldsException(List<FieldProblem> problems) {
        super(problems.size() + " invalid field(s)");
        this.problems = List.copyOf(problems);
    }

    public InvalidFieldsException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> getProblems() {
        return this.problems;
    }

}
