package io.mita.ocr;

import io.mita.testsupport.ServiceOperationsContract;
import java.util.List;

class OcrServiceOperationsIT extends ServiceOperationsContract {

    @Override
    protected String protectedPath() {
        return "/api/ocr/receipts";
    }

    @Override
    protected List<String> ownTables() {
        return List.of("receipt", "receipt_image", "ocr_job");
    }
}
