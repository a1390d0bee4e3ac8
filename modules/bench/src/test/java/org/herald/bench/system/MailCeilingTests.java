package org.herald.bench.system;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The email ceiling's messages are encoded before the clock starts: each carries its MIME
 * bytes and writes them unchanged, so that a send encodes nothing (a message built from
 * parts is encoded again at every send, and that bounded the ceiling, not the sink).
 */
class MailCeilingTests {

    private final MailCeiling ceiling = new MailCeiling(25);

    @Test
    void aMessageWritesTheBytesItWasEncodedToWithoutEncodingAgain() throws Exception {
        MimeMessage message = this.ceiling.message(7);

        byte[] raw = message.getRawInputStream().readAllBytes();
        byte[] first = written(message);
        byte[] second = written(message);

        assertThat(second).isEqualTo(first);
        String text = new String(first, StandardCharsets.US_ASCII);
        String body = text.substring(text.indexOf("\r\n\r\n") + 4);
        assertThat(body.getBytes(StandardCharsets.US_ASCII)).isEqualTo(raw);
        assertThat(text).contains("multipart/alternative");
        assertThat(body).contains("Content-Transfer-Encoding: quoted-printable");
    }

    @Test
    void eachMessageHasItsOwnRecipientAndMessageIdAndHeraldsSize() throws Exception {
        MimeMessage one = this.ceiling.message(1);
        MimeMessage two = this.ceiling.message(2);

        assertThat(one.getAllRecipients()).extracting(Object::toString).containsExactly("member1@bench.example");
        assertThat(two.getAllRecipients()).extracting(Object::toString).containsExactly("member2@bench.example");
        assertThat(one.getMessageID()).isNotEqualTo(two.getMessageID()).endsWith(".1@herald>");
        assertThat(written(one).length).isBetween(MailCeiling.TEXT_CHARS + MailCeiling.HTML_CHARS, 10_000);
    }

    private static byte[] written(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

}
