package io.mita.ocr.receipt;

import io.mita.common.problem.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

class ReceiptNotFoundException extends ProblemException {

    ReceiptNotFoundException(UUID id) {
        super(
                HttpStatus.NOT_FOUND,
                "OCR_RECEIPT_NOT_FOUND",
                "Receipt not found",
                "No receipt " + id + " exists for you.");
    }
}
