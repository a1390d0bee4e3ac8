package org.herald.embedded.mail;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.internet.MimeMessage;

/** A recipient whose messages are already in the {@link MailArchive}: GreenMail's delivery to it does nothing. */
final class ArchivedRecipient implements GreenMailUser {

    private final String email;

    ArchivedRecipient(String email) {
        this.email = email;
    }

    @Override
    public String getEmail() {
        return this.email;
    }

    @Override
    public String getLogin() {
        return this.email;
    }

    @Override
    public void deliver(MovingMessage message) {
    }

    @Override
    public void deliver(MimeMessage message) {
    }

    @Override
    public void create() {
    }

    @Override
    public void delete() {
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public void setPassword(String password) {
    }

    @Override
    public void authenticate(String password) {
    }

    @Override
    public String getQualifiedMailboxName() {
        return this.email;
    }

}
