package org.herald.notifier;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.herald.testsupport.TestDatabase;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * What {@link NotifierTest} adds to a test class's application context: a fresh, empty
 * database of its own (so each test class has its own context and data, as if it had its
 * own {@code @DynamicPropertySource}), and the settings of the {@link ContextProperties}
 * in its static fields. They take precedence over every other setting.
 */
final class NotifierTestContext implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer(testClass);
    }

    private record Customizer(Class<?> testClass) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestDatabase.Database database = TestDatabase.create();
            Map<String, Supplier<Object>> properties = new LinkedHashMap<>();
            properties.put("spring.datasource.url", database::jdbcUrl);
            properties.put("spring.datasource.username", database::username);
            properties.put("spring.datasource.password", () -> "");
            for (ContextProperties part : parts(this.testClass)) {
                properties.putAll(part.properties());
            }
            context.getEnvironment().getPropertySources().addFirst(new LazyPropertySource(properties));
        }

        private static List<ContextProperties> parts(Class<?> testClass) {
            return java.util.Arrays.stream(testClass.getDeclaredFields())
                .filter((field) -> Modifier.isStatic(field.getModifiers()))
                .filter((field) -> ContextProperties.class.isAssignableFrom(field.getType()))
                .map(Customizer::value)
                .toList();
        }

        private static ContextProperties value(Field field) {
            try {
                field.setAccessible(true);
                return (ContextProperties) field.get(null);
            }
            catch (IllegalAccessException ex) {
                throw new IllegalStateException("Cannot read " + field, ex);
            }
        }

    }

    private static final class LazyPropertySource extends EnumerablePropertySource<Map<String, Supplier<Object>>> {

        LazyPropertySource(Map<String, Supplier<Object>> properties) {
            super("notifierTest", properties);
        }

        @Override
        public Object getProperty(String name) {
            Supplier<Object> value = getSource().get(name);
            return (value != null) ? value.get() : null;
        }

        @Override
        public String[] getPropertyNames() {
            return getSource().keySet().toArray(new String[0]);
        }

    }

}
