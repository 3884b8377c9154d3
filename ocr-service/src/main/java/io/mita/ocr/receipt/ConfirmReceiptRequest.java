package io.mita.ocr.receipt;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Optional corrections of what OCR read; every member may be left out (then the read value counts).
 * {@code total} is a decimal string ("23.47"), never a floating-point number.
 */
record ConfirmReceiptRequest(
        @Size(min = 1, max = 120) String merchant,
        LocalDate occurredOn,

        @Pattern(regexp = "[0-9]{1,12}(\\.[0-9]{1,4})?", message = "must be a decimal string such as \"23.47\"")
        String total,

        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        String currency,

        @Size(min = 1, max = 64) String category,
        @Size(max = 500) String note) {

    static final ConfirmReceiptRequest NONE = new ConfirmReceiptRequest(null, null, null, null, null, null);
}
