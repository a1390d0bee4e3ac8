package org.herald.notifier.webhook;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.herald.notifier.partner.Partner;
import org.herald.notifier.privacy.MaskedAddresses;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Tells a partner's contact, by a plain-text email, that Herald stopped calling their
 * endpoint, and how to get the messages they missed.
 */
final class EndpointNotices {

    private static final Log logger = LogFactory.getLog(EndpointNotices.class);

    private final JavaMailSender mail;

    private final String from;

    EndpointNotices(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    /**
     * Sends the notice; a failure is logged, never thrown (the endpoint is disabled
     * either way).
     */
    void endpointDisabled(Partner partner, String reason) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(this.from);
        message.setTo(partner.contactEmail());
        message.setSubject("Herald stopped sending webhooks to " + oneLine(partner.name()));
        message.setText("""
                Herald has disabled the webhook endpoint of %s:

                  %s

                Why: %s

                No more webhooks are sent to it. The messages that could not be delivered are kept. When the
                endpoint works again, ask Herald's operators to enable it and to recover the messages since the
                failures began (partner id %s).

                --
                Herald: government announcements for your sector.
                """.formatted(oneLine(partner.name()), partner.url(), reason, partner.id()));
        try {
            this.mail.send(message);
            logger.info("Told " + MaskedAddresses.mask(partner.contactEmail()) + " that the endpoint of partner "
                    + partner.id() + " is disabled");
        }
        catch (MailException ex) {
            logger.warn("Could not tell " + MaskedAddresses.mask(partner.contactEmail())
                    + " that the endpoint of partner " + partner.id() + " is disabled: " + ex.getMessage());
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\p{Cntrl}]+", " ");
    }

}
