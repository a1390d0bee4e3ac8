package org.herald.notifier;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The notifier's feature packages ({@code delivery}, {@code email}, {@code webhook},
 * {@code digest}, {@code member}, {@code matching}, {@code partner}, {@code preferences},
 * {@code system}) depend on each other in one direction only.
 */
@AnalyzeClasses(packages = "org.herald.notifier", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageStructureTests {

    @ArchTest
    static final ArchRule featurePackagesFormNoCycle = slices().matching("org.herald.notifier.(*)..")
        .should()
        .beFreeOfCycles();

}
