package io.integration.common;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.integration.credential.kms.CredentialCryptoException;
import io.integration.tenancy.MissingTenantException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Maps every failure to an RFC 9457 problem response, in one place; unexpected ones become an opaque 500. */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    private final ObjectMapper mapper;

    public ProblemExceptionMappers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return respond(Problem.of(e.status(), e.title(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response fieldViolations(FieldViolationsException e) {
        return respond(new Problem("about:blank", e.title(), e.status(), e.getMessage(), null, e.violations(), null));
    }

    @ServerExceptionMapper
    public Response missingTenant(MissingTenantException e) {
        return respond(Problem.of(403, "Forbidden", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized("a valid bearer token is required");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized("the bearer token is invalid or expired");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "Forbidden", "the token lacks the role this operation requires"));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        return respond(new Problem("about:blank", "Bad Request", 400, "the request is not valid", null, violations, null));
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e) {
        return badJson("unknown field '" + e.getPropertyName() + "'", e.getPropertyName());
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        String field = path(e);
        String allowed = e.getTargetType() != null && e.getTargetType().isEnum()
                ? "; allowed values: " + List.of(e.getTargetType().getEnumConstants())
                : "";
        return badJson("field '" + field + "' has an invalid value" + allowed, field);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = path(e);
        return badJson(field.isEmpty() ? "the request body does not have the expected shape"
                : "field '" + field + "' has the wrong type", field);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return respond(Problem.of(400, "Bad Request", "the request body is not valid JSON"));
    }

    @ServerExceptionMapper
    public Response credentialIntegrity(CredentialCryptoException e) {
        // Not something a client can cause: a stored secret that no longer opens (altered, moved, or its key retired).
        String errorId = UUID.randomUUID().toString();
        LOG.errorf("stored credential could not be decrypted errorId=%s reason=%s", errorId, e.getMessage());
        return respond(new Problem("about:blank", "Internal Server Error", 500,
                "a stored credential could not be decrypted (integrity check failed or its key is unavailable)",
                null, null, errorId));
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e) {
        return respond(Problem.of(409, "Conflict", "the object was changed concurrently; read it again and retry"));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        // The JSON reader reports a body it cannot read as a 400 wrapping Jackson's exception: say what was wrong.
        if (e.getCause() instanceof UnrecognizedPropertyException cause) {
            return unknownProperty(cause);
        }
        if (e.getCause() instanceof InvalidFormatException cause) {
            return invalidFormat(cause);
        }
        if (e.getCause() instanceof MismatchedInputException cause) {
            return mismatchedInput(cause);
        }
        if (e.getCause() instanceof JsonProcessingException cause) {
            return malformedJson(cause);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            case 406 -> "cannot produce the requested media type";
            case 415 -> "unsupported content type; send application/json";
            default -> title;
        };
        return respond(Problem.of(status, title, detail));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        if (DatabaseErrors.isUniqueViolation(e)) {
            return respond(Problem.of(409, "Conflict", "an object with the same unique key already exists"));
        }
        return internal(e);
    }

    private Response internal(Throwable e) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf("unexpected failure errorId=%s type=%s", errorId, e.getClass().getName());
        LOG.debugf(e, "unexpected failure errorId=%s", errorId);
        return respond(new Problem("about:blank", "Internal Server Error", 500,
                "an unexpected error occurred; quote errorId when reporting it", null, null, errorId));
    }

    private Response unauthorized(String detail) {
        return Response.fromResponse(respond(Problem.of(401, "Unauthorized", detail)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private Response badJson(String detail, String field) {
        return respond(new Problem("about:blank", "Bad Request", 400, detail, null,
                field.isEmpty() ? null : List.of(new Problem.Violation(field, detail)), null));
    }

    private Response respond(Problem problem) {
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException impossible) {
            body = "{\"title\":\"" + problem.title() + "\",\"status\":" + problem.status() + "}";
        }
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // "create.request.name" -> "name": drop the method and parameter segments of a resource method.
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : parts[parts.length - 1];
    }
}
