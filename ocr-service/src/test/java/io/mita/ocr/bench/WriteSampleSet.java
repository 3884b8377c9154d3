package io.mita.ocr.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the generated receipts kept in the repository (ocr-service/src/test/resources/receipts): seeds
 * 1..N as {@code receipt-<seed>.jpg} and {@code truth.csv} (file, merchant, date, total, currency).
 * Arguments: {@code directory count}.
 */
public final class WriteSampleSet {

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Files.createDirectories(directory);
        List<String> truth = new ArrayList<>();
        truth.add("file,merchant,date,total,currency");
        for (int seed = 1; seed <= count; seed++) {
            ReceiptGenerator.Generated generated = ReceiptGenerator.generate(seed);
            String file = "receipt-" + seed + ".jpg";
            Files.write(directory.resolve(file), generated.jpeg());
            ReceiptGenerator.Truth t = generated.truth();
            truth.add(String.join(
                    ",", file, t.merchant(), t.date().toString(), t.total().toPlainString(), t.currency()));
        }
        Files.write(directory.resolve("truth.csv"), truth);
    }

    private WriteSampleSet() {}
}
