package org.herald.systemtests.cluster;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.internet.MimeMessage;

/** A recipient whose messages GreenMail counts (in {@link SmtpSink}) and then drops, so memory stays flat. */
final class DiscardingRecipient implements GreenMailUser {

    private final String email;

    DiscardingRecipient(String email) {
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
