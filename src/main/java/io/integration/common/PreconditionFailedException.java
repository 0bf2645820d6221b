package io.integration.common;

/** An If-Match precondition that no longer holds: the object changed since the client read it. */
public class PreconditionFailedException extends ApiException {

    public PreconditionFailedException(String kind, Object id, long currentVersion) {
        super(412, "Precondition Failed",
                kind + " " + id + " has changed; its current version is " + currentVersion + ". Read it again and retry.");
    }

    /** If-Match named a version of an object that does not exist (any more). */
    public PreconditionFailedException(String kind, Object id) {
        super(412, "Precondition Failed", kind + " " + id + " does not exist; omit If-Match to create it.");
    }
}
