package org.herald.notifier;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.context.ApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives a {@link NotifierTest} method what it works with, as parameters: the
 * {@link TestApi} of the running notifier, a {@link TestMembers} fixture on it, and the
 * {@link TaggedTopic} to publish on.
 */
final class NotifierParameters implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestApi.class || type == TestMembers.class || type == TaggedTopic.class;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        ApplicationContext context = SpringExtension.getApplicationContext(extension);
        Class<?> type = parameter.getParameter().getType();
        if (type == TaggedTopic.class) {
            return new TaggedTopic(context.getBean(KafkaTemplate.class));
        }
        TestApi api = new TestApi(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
        return (type == TestMembers.class) ? new TestMembers(api) : api;
    }

}
