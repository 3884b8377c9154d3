package io.mita.ocr.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "TOTAL 12.50 | 12.50",
                "SUMME 12,50 | 12.50",
                "TOTAL EUR 1.234,56 | 1234.56",
                "TOTAL $1,234.56 | 1234.56",
                "Total: £ 7.05 | 7.05",
                "T0TAL 1O.5O | 10.50",
                "TOTAL l2.5O | 12.50",
                "TOTAL 23.47 EUR | 23.47",
                "DISCOUNT -1.50 | -1.50",
                "PFAND 0,25- | -0.25",
                "MILK 2 x 1.49 2.98 | 2.98",
                "TOTAL 12. 50 | 12.50",
                "TOTAL 12 ,50 | 12.50",
            })
    void readsTheLastAmountOfALine(String line, String expected) {
        assertThat(Amounts.last(OcrNoise.numbers(line))).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "25.12.2018",
                "Date: 25/12/2018 14:32",
                "VAT 20.00%",
                "VAT 20,00 %",
                "Tel. 0161 496 0000",
                "Store 1234 Till 02",
                "THANK YOU",
                "12:30",
            })
    void findsNoAmountWhereThereIsNone(String line) {
        assertThat(Amounts.in(OcrNoise.numbers(line))).isEmpty();
    }
}
