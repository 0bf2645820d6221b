package io.integration.mapping;

/** How a source value becomes the target value; each transform has its own {@code transformConfig} keys. */
public enum FieldTransform {
    /** Copy the value as it is. */
    NONE,
    /** Copy the value as it is (the name documents that only the field name changes). */
    RENAME,
    /** Strip leading and trailing whitespace of a text. */
    TRIM,
    /** Lower-case a text (locale-independent). */
    LOWERCASE,
    /** Upper-case a text (locale-independent). */
    UPPERCASE,
    /**
     * Parse a number; config: optional {@code decimalSeparator} ("." or ","; the other is grouping), {@code scale}
     * (decimals, rounded half up), {@code format} (a DecimalFormat pattern: the result is a text) and {@code locale}
     * (BCP 47 tag for the symbols of {@code format}).
     */
    NUMBER,
    /**
     * Reformat a date; config: required {@code inputFormat} and {@code outputFormat} (java.time patterns, strict), and
     * optional {@code timezone} (input with an offset is converted to it, input without one is taken to be in it).
     */
    DATE,
    /** Use config {@code value} when the source is missing or null. */
    DEFAULT,
    /** Always config {@code value}, whatever the source. */
    CONSTANT,
    /** Join config {@code fields} (two or more) with the optional {@code separator}. */
    CONCAT,
    /** Translate through config {@code table} (text to text), else the optional {@code default}. */
    LOOKUP
}
