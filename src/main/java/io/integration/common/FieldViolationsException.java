package io.integration.common;

import java.util.List;

/** A request body that parsed but breaks rules only the service can check; each broken field is named. */
public class FieldViolationsException extends ApiException {

    private final List<Problem.Violation> violations;

    public FieldViolationsException(String detail, List<Problem.Violation> violations) {
        super(400, "Bad Request", detail);
        this.violations = List.copyOf(violations);
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
