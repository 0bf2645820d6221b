package io.integration.common;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Puts the request id (and, once the token's tenant is read, the tenant id) into the logging context of every API
 * request, so each log line of the request carries them (the JSON logs of production show them under {@code mdc}).
 * The request id is the caller's {@code X-Request-Id} when it is a plain token, otherwise a new UUID; it is echoed in
 * the response. Nothing else of the request goes into the context: no header values, no bodies, no secrets.
 */
public class RequestLogContext {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String REQUEST_ID = "requestId";
    public static final String TENANT_ID = "tenantId";

    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String PROPERTY = RequestLogContext.class.getName() + ".id";

    @ServerRequestFilter(preMatching = true)
    public void begin(ContainerRequestContext request) {
        String offered = request.getHeaderString(REQUEST_ID_HEADER);
        String id = offered != null && PLAIN_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        request.setProperty(PROPERTY, id);
        MDC.remove(TENANT_ID);
        MDC.put(REQUEST_ID, id);
    }

    @ServerResponseFilter
    public void end(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(REQUEST_ID_HEADER, id);
        }
        MDC.remove(REQUEST_ID);
        MDC.remove(TENANT_ID);
    }

    /** Records the tenant of the current request once it is known from the verified token. */
    public static void tenant(Object tenant) {
        MDC.put(TENANT_ID, tenant.toString());
    }
}
