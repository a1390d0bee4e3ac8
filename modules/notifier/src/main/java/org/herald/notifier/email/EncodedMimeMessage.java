package org.herald.notifier.email;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A message Jakarta Mail's SMTP transport sends as it stands: its bytes are the
 * {@link EncodedEmail}'s, written as they are; nothing is parsed, scanned or re-encoded,
 * and {@link #saveChanges()} changes nothing.
 */
final class EncodedMimeMessage extends MimeMessage {

    private final EncodedEmail email;

    EncodedMimeMessage(Session session, EncodedEmail email) {
        super(session);
        this.email = email;
    }

    @Override
    public Address[] getFrom() {
        return new Address[] { this.email.from() };
    }

    @Override
    public Address[] getAllRecipients() {
        try {
            return new Address[] { new InternetAddress(this.email.to(), true) };
        }
        catch (jakarta.mail.internet.AddressException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public String getMessageID() {
        return this.email.messageId();
    }

    @Override
    public int getSize() {
        return this.email.bytes().length;
    }

    @Override
    public void saveChanges() {
        // the bytes are final
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(this.email.bytes());
    }

    @Override
    public void writeTo(OutputStream out, String[] ignoreHeaders) throws IOException {
        out.write(this.email.bytes());
    }

}
