package org.herald.notifier.email;

import jakarta.mail.internet.InternetAddress;

/**
 * An email as the bytes of its MIME message, ready to send ({@link MessageTemplate}).
 *
 * @param to the recipient's address
 * @param messageId the {@code Message-ID}, angle brackets included
 * @param from the {@code From} address (the envelope sender)
 * @param bytes the message, headers and body, lines ending in CRLF
 */
record EncodedEmail(String to, String messageId, InternetAddress from, byte[] bytes) {

    @Override
    public String toString() {
        return "EncodedEmail[to=" + this.to + ", messageId=" + this.messageId + ", " + this.bytes.length + " bytes]";
    }

}
