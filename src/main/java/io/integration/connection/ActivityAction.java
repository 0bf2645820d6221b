package io.integration.connection;

/** What happened to an integration or its credentials, as recorded in the activity log. */
public enum ActivityAction {
    CONNECTED, DISCONNECTED, TEST_SUCCESS, TEST_FAILED, TOKEN_REFRESHED, TOKEN_EXPIRED, SECRET_REVEALED, KEY_ROTATED,
    CREDENTIALS_UPDATED, SYNC_AUTH_FAILED, ACCESS_TOKEN_ISSUED, TOKEN_REFRESH_FAILED
}
