package io.mita.gateway;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.util.MultiValueMap;

/** Receipt uploads as the app sends them: multipart with one JPEG {@code file}. */
final class Receipts {

    private Receipts() {}

    static MultiValueMap<String, org.springframework.http.HttpEntity<?>> multipart(int imageBytes) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(new byte[imageBytes]) {
                    @Override
                    public String getFilename() {
                        return "receipt.jpg";
                    }
                })
                .contentType(MediaType.IMAGE_JPEG);
        return body.build();
    }
}
