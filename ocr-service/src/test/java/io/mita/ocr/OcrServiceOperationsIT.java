package io.mita.ocr;

import java.util.List;

import io.mita.testsupport.ServiceOperationsContract;

class OcrServiceOperationsIT extends ServiceOperationsContract {

    @Override
    protected String protectedPath() {
        return "/api/ocr/receipts";
    }

    @Override
    protected List<String> ownTables() {
        return List.of("receipt");
    }
}
