package org.herald.notifier.privacy;

import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Erases a member from the rows that outlive them, in the transaction that deletes the
 * member (which takes their subscriptions, digests and digest items with it): their email
 * deliveries keep the counts (status, times, matched tags) but lose the address, any
 * address in their errors is blanked, and those still pending are suppressed with the
 * reason {@value #REASON}. Once committed, a {@link MemberErased} event is published, so
 * that a captured copy of their mail (the app's dev inbox) goes too.
 */
final class Erasure {

    /** What replaces the address, and the reason recorded on what was still pending. */
    static final String REASON = "erased";

    private static final Log logger = LogFactory.getLog(Erasure.class);

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    Erasure(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    void erasing(UUID memberId, String email) {
        int deliveries = this.jdbc.sql("""
                UPDATE notifier.delivery SET recipient = '(erased)',
                    status = CASE WHEN status = 'pending' THEN 'suppressed' ELSE status END,
                    last_error = CASE WHEN status = 'pending' THEN :reason
                                      ELSE regexp_replace(last_error, '[^\\s<>"''(),;:@]+@[^\\s<>"''(),;:@]+',
                                                          '(erased)', 'g') END,
                    claim_token = CASE WHEN status = 'pending' THEN NULL ELSE claim_token END
                WHERE channel = 'email' AND recipient_id = :member
                """).param("reason", REASON).param("member", memberId).update();
        logger.info("Erasing member " + memberId + ": " + deliveries + " email deliveries anonymised");
        MemberErased erased = new MemberErased(memberId, email);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

                @Override
                public void afterCommit() {
                    Erasure.this.events.publishEvent(erased);
                }

            });
        }
        else {
            this.events.publishEvent(erased);
        }
    }

}
