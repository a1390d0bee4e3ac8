package org.herald.support;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.herald.support.console.ConsoleFilter;
import org.herald.support.console.ConsoleSessions;
import org.herald.support.kafka.DeadLetters;
import org.herald.support.kafka.DeclaredTopics;
import org.herald.support.kafka.HeraldTopics;
import org.herald.support.kafka.KafkaHealthIndicator;
import org.herald.support.kafka.KafkaJson;
import org.herald.support.kafka.TopicProperties;
import org.herald.support.web.BearerKeyFilter;
import org.herald.support.web.ProblemDetailsAdvice;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.Ordered;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;

/**
 * Applies Herald's shared plumbing to a service: the JSON contract on Kafka,
 * dead-lettering, bearer keys on admin endpoints, and problem details.
 * <p>
 * Admin endpoints are {@code /api/**} and {@code /actuator/**} (but health and info); a
 * service adds rules of its own, checked first, by declaring {@link BearerKeyFilter.Rule}
 * beans.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties({ AdminProperties.class, TopicProperties.class })
public class HeraldSupportAutoConfiguration {

    @Bean
    DefaultKafkaProducerFactoryCustomizer heraldJsonProducerCustomizer(TopicProperties topics) {
        return (factory) -> {
            setValueSerializer(factory);
            factory.updateConfigs(KafkaJson.producerProperties(topics.maxMessageBytes()));
        };
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static void setValueSerializer(DefaultKafkaProducerFactory factory) {
        factory.setValueSerializerSupplier(KafkaJson::valueSerializer);
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer heraldJsonConsumerCustomizer(TopicProperties topics) {
        return (factory) -> {
            factory.updateConfigs(KafkaJson.consumerProperties(topics.maxRecordBytes(), topics.maxMessageBytes()));
            // Topics are made by DeclaredTopics with their partitions, never by a
            // consumer's subscription with the broker's count.
            factory.updateConfigs(Map.of(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false));
        };
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    @ConditionalOnBean(KafkaTemplate.class)
    CommonErrorHandler heraldDeadLetterErrorHandler(KafkaTemplate<?, ?> template) {
        return DeadLetters.errorHandler(template);
    }

    /**
     * Creates the topics the service declares before its consumers subscribe, and refuses
     * topics whose partition count differs from the configuration: {@link HeraldTopics}
     * beans are the topics a service reads (and writes), without which it does not start;
     * plain {@link NewTopic} beans are topics it only writes, made when the broker can be
     * reached.
     */
    @Bean
    @ConditionalOnBean(KafkaAdmin.class)
    DeclaredTopics heraldDeclaredTopics(KafkaAdmin admin, ObjectProvider<NewTopic> topics,
            ObjectProvider<HeraldTopics> topicGroups, Environment environment) {
        List<NewTopic> declared = new ArrayList<>();
        topicGroups.orderedStream().forEach((group) -> declared.addAll(group.topics()));
        boolean reads = !declared.isEmpty();
        topics.orderedStream().forEach(declared::add);
        return new DeclaredTopics(admin.getConfigurationProperties(), declared, LocalMode.isLocal(environment),
                admin.getOperationTimeout(), reads);
    }

    @Bean
    @ConditionalOnBean(KafkaAdmin.class)
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin, Duration.ofSeconds(3));
    }

    @Bean
    @ConditionalOnWebApplication
    ProblemDetailsAdvice heraldProblemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    @ConditionalOnWebApplication
    FilterRegistrationBean<BearerKeyFilter> heraldBearerKeyFilter(AdminProperties properties,
            ObjectProvider<BearerKeyFilter.Rule> serviceRules) {
        List<BearerKeyFilter.Rule> rules = new ArrayList<>();
        serviceRules.orderedStream().forEach(rules::add);
        // Health is open (orchestrators probe it); its details only with an admin key
        // (management.endpoint.health.show-details: when-authorized).
        rules.add(BearerKeyFilter.Rule.openWithKey("/actuator/health/**", new HashSet<>(properties.adminApiKeys()),
                "herald.admin-api-keys"));
        rules.add(BearerKeyFilter.Rule.open("/actuator/info"));
        rules.add(BearerKeyFilter.Rule.requireKey("/actuator/**", new HashSet<>(properties.adminApiKeys()),
                "herald.admin-api-keys"));
        rules.add(BearerKeyFilter.Rule.requireKey("/api/**", new HashSet<>(properties.adminApiKeys()),
                "herald.admin-api-keys"));
        FilterRegistrationBean<BearerKeyFilter> registration = new FilterRegistrationBean<>(new BearerKeyFilter(rules));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * The staff console's sessions: signed with a secret derived from the admin keys, so
     * that the services of one installation accept each other's cookies.
     */
    @Bean
    @ConditionalOnWebApplication
    ConsoleSessions heraldConsoleSessions(AdminProperties properties, Environment environment) {
        Duration lifetime = Binder.get(environment)
            .bind("herald.console.session-lifetime", Duration.class)
            .orElse(Duration.ofHours(8));
        return new ConsoleSessions(properties.adminApiKeys(), lifetime, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnWebApplication
    FilterRegistrationBean<ConsoleFilter> heraldConsoleFilter(ConsoleSessions sessions, Environment environment) {
        String home = environment.getProperty("herald.console.home", "/console/announcements");
        FilterRegistrationBean<ConsoleFilter> registration = new FilterRegistrationBean<>(
                new ConsoleFilter(sessions, home));
        registration.addUrlPatterns("/console", "/console/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

}
