package org.herald.publisher;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The publisher's feature packages ({@code announcement}, {@code feed}) depend on each
 * other in one direction only.
 */
@AnalyzeClasses(packages = "org.herald.publisher", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageStructureTests {

    @ArchTest
    static final ArchRule featurePackagesFormNoCycle = slices().matching("org.herald.publisher.(*)..")
        .should()
        .beFreeOfCycles();

}
