package io.integration.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Rules that keep the one path to tenant data the only one. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.integration");

    @Test
    void onlyTheTenancyComponentOpensTransactionsOrSessions() {
        noClasses().that().resideOutsideOfPackage("io.integration.tenancy..")
                .should().callMethod(io.quarkus.hibernate.reactive.panache.Panache.class, "withTransaction",
                        java.util.function.Supplier.class)
                .orShould().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.base.DescribedPredicate.describe("a session factory or pool transaction",
                                target -> (target.getOwner().isAssignableTo("org.hibernate.reactive.mutiny.Mutiny$SessionFactory")
                                        || target.getOwner().isAssignableTo("io.vertx.mutiny.sqlclient.Pool"))
                                        && target.getName().startsWith("with"))))
                .check(CLASSES);
    }

    @Test
    void nothingUsesDeclarativeTransactions() {
        noMethods().should().beAnnotatedWith("io.quarkus.hibernate.reactive.panache.common.WithTransaction")
                .orShould().beAnnotatedWith("io.quarkus.hibernate.reactive.panache.common.WithSession")
                .orShould().beAnnotatedWith("jakarta.transaction.Transactional")
                .check(CLASSES);
    }

    @Test
    void onlySystemTransactionsUsesTheWorkerPool() {
        noClasses().that().doNotHaveFullyQualifiedName("io.integration.tenancy.SystemTransactions")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.quarkus.reactive.datasource.ReactiveDataSource")
                .check(CLASSES);
    }

    @Test
    void resourcesDoNotTouchRepositoriesOrEntities() {
        noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().areAnnotatedWith(jakarta.persistence.Entity.class)
                .check(CLASSES);
    }

    @Test
    void transactionsStartInServicesNeverInResources() {
        noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.integration.tenancy.TenantTransactions")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.integration.tenancy.SystemTransactions")
                .check(CLASSES);
    }
}
