package org.herald.embedded.mail;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.internet.MimeMessage;

/**
 * A recipient GreenMail delivers to without keeping anything: whoever captures the mail
 * (the {@link MailArchive}, a test's counter) has it already, and memory stays flat
 * however much mail arrives.
 */
public final class DiscardingRecipient implements GreenMailUser {

    private final String email;

    public DiscardingRecipient(String email) {
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
