package io.integration.tenancy;

/** The principal acting in a request: its subject and a display name for the activity log. */
public record Actor(String userId, String displayName) {
}
