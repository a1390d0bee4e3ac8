package org.herald.notifier.email;

import org.herald.notifier.delivery.AnnouncementStore;
import org.herald.notifier.member.Members;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The email channel: composer and sender. The SMTP server is {@code spring.mail.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailProperties.class)
class EmailConfiguration {

    @Bean
    EmailSender emailSender(JavaMailSender mail, AnnouncementStore announcements, Members members,
            EmailProperties properties) {
        EmailComposer composer = new EmailComposer(EmailComposer.templateEngine(), properties.from(),
                properties.messageIdDomain());
        return new EmailSender(mail, composer, announcements, members, properties);
    }

}
