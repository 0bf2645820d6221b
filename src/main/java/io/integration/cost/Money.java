package io.integration.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money on the wire: a plain decimal string at the scale of the cost column, so no client parses it as a float. */
final class Money {

    private Money() {
    }

    static String format(BigDecimal amount) {
        return amount.setScale(CostRecorder.COST_SCALE, RoundingMode.HALF_UP).toPlainString();
    }
}
