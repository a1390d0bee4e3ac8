package org.herald.support.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The cursor of a list the admin API answers in pages, oldest first: the position (time
 * and id) of the last item of a page, which the next page starts after. Opaque to clients
 * ({@code after=} in the {@code next} link); a cursor that does not read is a 400 problem
 * detail.
 *
 * @param createdAt when the last item was created
 * @param id its id, which breaks ties
 */
public record KeysetCursor(Instant createdAt, UUID id) {

    /** The most items a page may hold, whatever {@code limit} asks for. */
    public static final int MAX_LIMIT = 1000;

    /** The items of a page when {@code limit} is not given. */
    public static final int DEFAULT_LIMIT = 100;

    public String encode() {
        return Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString((this.createdAt + "|" + this.id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor {@code value} encodes; null for null. */
    public static @Nullable KeysetCursor decode(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            return new KeysetCursor(Instant.parse(text.substring(0, bar)), UUID.fromString(text.substring(bar + 1)));
        }
        catch (IllegalArgumentException | DateTimeParseException | IndexOutOfBoundsException ex) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "after is not a cursor this API gave: take the next link of the page before");
            problem.setTitle("Invalid cursor");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
    }

}
