package io.integration.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Registers the embedded database and issuer once for every @QuarkusTest of the suite. */
@WithTestResource(value = EmbeddedServicesResource.class, scope = TestResourceScope.GLOBAL)
public final class GlobalTestResources {

    private GlobalTestResources() {
    }
}
