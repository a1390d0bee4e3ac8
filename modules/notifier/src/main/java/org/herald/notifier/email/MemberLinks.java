package org.herald.notifier.email;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.herald.notifier.email.LinkTokens.Purpose;

/**
 * The links in every email to a member: one-click unsubscribe ({@code List-Unsubscribe},
 * RFC 8058) and the preferences page, each with a signed, expiring token, under the
 * public base URL.
 */
public final class MemberLinks {

    /** The path of the unsubscribe page: GET shows a button, POST unsubscribes. */
    public static final String UNSUBSCRIBE_PATH = "/unsubscribe";

    /** The path of the preferences page. */
    public static final String PREFERENCES_PATH = "/preferences";

    /** The path of the page that follows a story: GET shows a button, POST follows. */
    public static final String FOLLOW_PATH = "/follow";

    private final String baseUrl;

    private final LinkTokens tokens;

    public MemberLinks(String baseUrl, LinkTokens tokens) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.tokens = tokens;
    }

    Links forMember(UUID memberId) {
        return new Links(url(UNSUBSCRIBE_PATH, this.tokens.issue(memberId, Purpose.UNSUBSCRIBE)),
                url(PREFERENCES_PATH, this.tokens.issue(memberId, Purpose.PREFERENCES)));
    }

    /** The link that lets {@code memberId} follow the story of {@code announcementId}. */
    String follow(UUID memberId, UUID announcementId) {
        return url(FOLLOW_PATH, this.tokens.issueFollow(memberId, announcementId));
    }

    private String url(String path, String token) {
        return this.baseUrl + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /**
     * One member's links.
     *
     * @param unsubscribe the one-click unsubscribe URL
     * @param preferences the preferences page URL
     */
    record Links(String unsubscribe, String preferences) {
    }

}
