package org.herald.events;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The events are the contract on the topics: plain records any service (or any other
 * system) can read, so they stay free of Spring and Kafka.
 */
@AnalyzeClasses(packages = "org.herald.events", importOptions = ImportOption.DoNotIncludeTests.class)
class EventsStructureTests {

    @ArchTest
    static final ArchRule eventsDependOnNoSpringAndNoKafka = noClasses().that()
        .resideInAPackage("org.herald.events..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "org.apache.kafka..");

}
