package org.herald.notifier.email;

/**
 * An email ready to send: a {@code multipart/alternative} of {@link #text} and
 * {@link #html}.
 *
 * @param from the {@code From} address
 * @param to the recipient's address
 * @param toName the recipient's name, or null
 * @param subject the subject, one line
 * @param text the plain-text part
 * @param html the HTML part
 * @param messageId the {@code Message-ID}, angle brackets included
 * @param unsubscribeUrl the one-click unsubscribe URL, for {@code List-Unsubscribe}
 */
record ComposedEmail(String from, String to, String toName, String subject, String text, String html, String messageId,
        String unsubscribeUrl) {

    @Override
    public String toString() {
        return "ComposedEmail[to=" + this.to + ", subject=" + this.subject + ", messageId=" + this.messageId + "]";
    }

}
