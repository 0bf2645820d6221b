package io.integration.oauth;

import io.integration.common.ApiException;

/**
 * A connect flow that cannot complete: an unknown, used or expired state, a provider that reported an error on the
 * callback, or a code the provider would not exchange. Nothing was stored.
 */
public class OAuthFlowException extends ApiException {

    private OAuthFlowException(int status, String title, String detail) {
        super(status, title, detail);
    }

    static OAuthFlowException badRequest(String detail) {
        return new OAuthFlowException(400, "Bad Request", detail);
    }

    static OAuthFlowException badGateway(String detail) {
        return new OAuthFlowException(502, "Bad Gateway", detail);
    }
}
