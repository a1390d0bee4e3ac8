package org.herald.support.web;

import java.util.Comparator;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every error with an RFC 9457 problem detail. Validation failures list each bad
 * field in an {@code errors} array of {@code {"field","message"}}; a body that is not
 * JSON is a 400, one over the limit a 413; an unexpected failure a 500 that reveals
 * nothing of its cause.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Log logger = LogFactory.getLog(ProblemDetailsAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = ex.getBindingResult()
            .getFieldErrors()
            .stream()
            .map((error) -> new FieldProblem(error.getField(), error.getDefaultMessage()))
            .toList();
        return invalid(problems, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = ex.getParameterValidationResults()
            .stream()
            .flatMap((result) -> result.getResolvableErrors()
                .stream()
                .map((error) -> new FieldProblem(result.getMethodParameter().getParameterName(),
                        error.getDefaultMessage())))
            .toList();
        return invalid(problems, headers, request);
    }

    @ExceptionHandler
    ResponseEntity<Object> handleInvalidFields(InvalidFieldsException ex, WebRequest request) {
        return invalid(ex.getProblems(), new HttpHeaders(), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = findCause(ex, PayloadTooLargeException.class);
        if (tooLarge != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    tooLarge.getMessage());
            return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        DatabindException databind = findCause(ex, DatabindException.class);
        if (databind != null && findCause(ex, StreamReadException.class) == null && !databind.getPath().isEmpty()) {
            String field = path(databind.getPath());
            return invalid(List.of(new FieldProblem(field, "has the wrong type or format")), headers, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is missing or is not valid JSON");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) throws Exception {
        if (ex instanceof org.springframework.web.ErrorResponse) {
            throw ex;
        }
        logger.error("Unexpected failure answering " + request.getDescription(false), ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    private ResponseEntity<Object> invalid(List<FieldProblem> problems, HttpHeaders headers, WebRequest request) {
        List<FieldProblem> sorted = problems.stream()
            .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
            .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has " + sorted.size() + " invalid field(s)");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", sorted);
        return handleExceptionInternal(new IllegalArgumentException(problem.getDetail()), problem, headers,
                HttpStatus.BAD_REQUEST, request);
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

}
