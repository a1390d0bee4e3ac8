package org.herald.notifier.email;

import java.time.Clock;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.herald.notifier.delivery.AnnouncementStore;
import org.herald.notifier.delivery.DeliveryProperties;
import org.herald.notifier.delivery.CommentaryStore;
import org.herald.notifier.member.Members;
import org.herald.notifier.member.StoryFollowers;
import org.herald.notifier.member.Suppressions;
import org.thymeleaf.ITemplateEngine;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The email channel: links, composer, the pooled SMTP transport, the one path to a
 * member's inbox, the announcement and digest senders. The SMTP server is
 * {@code spring.mail.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ EmailProperties.class, PublicSiteProperties.class })
class EmailConfiguration {

    private static final Log logger = LogFactory.getLog(EmailConfiguration.class);

    @Bean
    LinkTokens linkTokens(EmailProperties properties) {
        return new LinkTokens(properties.linkKey(), properties.linkTtl(), Clock.systemUTC());
    }

    @Bean
    MemberLinks memberLinks(PublicSiteProperties site, LinkTokens tokens) {
        if (!site.publicBaseUrl().toLowerCase(Locale.ROOT).startsWith("https://")) {
            logger.info("herald.notifier.public-base-url is not https (" + site.publicBaseUrl()
                    + "): fine for development, not for production");
        }
        return new MemberLinks(site.publicBaseUrl(), tokens);
    }

    @Bean
    EmailComposer emailComposer(EmailProperties properties) {
        ITemplateEngine templates = EmailComposer.templateEngine();
        return new EmailComposer(templates, properties.from(), properties.messageIdDomain(),
                properties.associationName());
    }

    @Bean
    MailTransport mailTransport(JavaMailSenderImpl mail, EmailProperties properties, DeliveryProperties delivery) {
        return new MailTransport(mail, properties, properties.sendTimeout(delivery.dispatch().lease()));
    }

    @Bean
    MemberMail memberMail(MailTransport transport, Members members, Suppressions suppressions, MemberLinks links) {
        return new MemberMail(transport, members, suppressions, links);
    }

    @Bean
    EmailSender emailSender(MemberMail mail, EmailComposer composer, AnnouncementStore announcements,
            CommentaryStore commentaries, Members members, StoryFollowers followers, MemberLinks links,
            EmailProperties properties) {
        return new EmailSender(mail, composer, announcements, commentaries, members, followers, links, properties);
    }

    @Bean
    DigestSender digestSender(MemberMail mail, EmailComposer composer) {
        return new DigestSender(mail, composer);
    }

}
