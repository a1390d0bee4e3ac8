package org.herald.tagger;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The tagger's feature packages depend on each other in one direction only, and its
 * domain ({@code tagging}, {@code taxonomy}, {@code evaluation}) knows nothing of Spring
 * or Kafka: the listener, the controllers and {@code system} wire it at the edge.
 */
@AnalyzeClasses(packages = "org.herald.tagger", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageStructureTests {

    @ArchTest
    static final ArchRule featurePackagesFormNoCycle = slices().matching("org.herald.tagger.(*)..")
        .should()
        .beFreeOfCycles();

    @ArchTest
    static final ArchRule domainDependsOnNoSpringAndNoKafka = noClasses().that()
        .resideInAnyPackage("org.herald.tagger.tagging..", "org.herald.tagger.taxonomy..",
                "org.herald.tagger.evaluation..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "org.apache.kafka..");

}
