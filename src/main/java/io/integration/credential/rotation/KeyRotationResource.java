package io.integration.credential.rotation;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.integration.common.Ids;
import io.integration.tenancy.CurrentTenant;
import io.integration.tenancy.Roles;
import io.smallrye.mutiny.Uni;

/** Platform admin API of the key-encryption keys (system role: keys are shared by all tenants). */
@Path("/api/v1/admin/kms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Key management", description = "Activate, rotate and retire key-encryption key versions")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.SYSTEM)
public class KeyRotationResource {

    private final KeyRotationService service;
    private final CurrentTenant caller;

    public KeyRotationResource(KeyRotationService service, CurrentTenant caller) {
        this.service = service;
        this.caller = caller;
    }

    /** Body of an activation. */
    public record ActivateRequest(@NotBlank String keyRef) {
    }

    @GET
    @Path("/keys")
    @Operation(summary = "List key versions with their state and the rows still using each")
    public Uni<List<KeyVersionState>> keys() {
        return service.keyVersions();
    }

    @POST
    @Path("/keys/active")
    @Operation(summary = "Activate a key version for new writes", description = "Then start a rotation to re-wrap existing data keys.")
    public Uni<KeyVersionState> activate(@Valid @NotNull ActivateRequest request) {
        return service.activate(request.keyRef(), caller.actor());
    }

    @POST
    @Path("/keys/{keyRef}/retire")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Retire a key version", description = "409 while it is active or any row still uses it.")
    public Uni<KeyVersionState> retire(@PathParam("keyRef") String keyRef) {
        return service.retire(keyRef, caller.actor());
    }

    @POST
    @Path("/rotations")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Start re-wrapping every stored data key under the active version", description = "202; 409 if one is running.")
    public Uni<Response> start() {
        return service.startRotation(caller.actor())
                .map(run -> Response.accepted(run).build());
    }

    @GET
    @Path("/rotations/latest")
    @Operation(summary = "The most recent rotation run")
    public Uni<RotationRun> latest() {
        return service.latestRun();
    }

    @GET
    @Path("/rotations/{id}")
    @Operation(summary = "A rotation run's progress")
    public Uni<RotationRun> run(@PathParam("id") String id) {
        return service.run(Ids.parse(id, "id"));
    }
}
