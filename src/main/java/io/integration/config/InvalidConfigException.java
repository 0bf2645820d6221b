package io.integration.config;

import java.util.List;

import io.integration.common.FieldViolationsException;
import io.integration.common.Problem;

/** Settings or schedule that the provider definition does not accept; each violation names its field. */
public class InvalidConfigException extends FieldViolationsException {

    public InvalidConfigException(String provider, List<Problem.Violation> violations) {
        super("the config does not match the definition of provider '" + provider + "'", violations);
    }
}
