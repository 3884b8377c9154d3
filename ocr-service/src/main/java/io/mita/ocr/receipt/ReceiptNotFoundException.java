package io.mita.ocr.receipt;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import io.mita.common.problem.ProblemException;

class ReceiptNotFoundException extends ProblemException {

    ReceiptNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, "OCR_RECEIPT_NOT_FOUND", "Receipt not found", "No receipt " + id + " exists for you.");
    }
}
