package io.mita.ocr.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "25/12/2018 | 2018-12-25",
                "2018-12-25 | 2018-12-25",
                "2018/12/25 | 2018-12-25",
                "25 Dec 2018 | 2018-12-25",
                "25 DEC 2018 | 2018-12-25",
                "25-DEC-18 | 2018-12-25",
                "25DEC18 | 2018-12-25",
                "12-25-18 | 2018-12-25",
                "25.12.18 | 2018-12-25",
                "25.12.2018 14:32 | 2018-12-25",
                "Dec 25, 2018 | 2018-12-25",
                "December 25th 2018 | 2018-12-25",
                "25 December 2018 | 2018-12-25",
                "25. Dezember 2018 | 2018-12-25",
                "25 déc. 2018 | 2018-12-25",
                "25 dic 2018 | 2018-12-25",
                "3 mars 2024 | 2024-03-03",
                "14 OKT 2023 | 2023-10-14",
                "Datum: 2O18-12-25 | 2018-12-25",
                "DATE 25/l2/2018 | 2018-12-25",
            })
    void readsTheFormatsReceiptsUse(String line, String expected) {
        List<Dates.Found> found = Dates.in(OcrNoise.numbers(line), TODAY, false);

        assertThat(found).extracting(Dates.Found::date).contains(LocalDate.parse(expected));
    }

    @Test
    void anAmbiguousNumericDateIsDayFirstUnlessTheReceiptLooksAmerican() {
        assertThat(Dates.in("03/04/2024", TODAY, false).get(0).date()).isEqualTo(LocalDate.of(2024, 4, 3));
        assertThat(Dates.in("03/04/2024", TODAY, true).get(0).date()).isEqualTo(LocalDate.of(2024, 3, 4));
        assertThat(Dates.in("03/04/2024", TODAY, false).get(0).certainty())
                .isLessThan(Dates.in("25/04/2024", TODAY, false).get(0).certainty());
    }

    @Test
    void ignoresImpossibleAndImplausibleDates() {
        assertThat(Dates.in("31/02/2024", TODAY, false)).isEmpty();
        assertThat(Dates.in("12/12/2031", TODAY, false)).isEmpty();
        assertThat(Dates.in("01/01/1995", TODAY, false)).isEmpty();
        assertThat(Dates.in("TOTAL 12.50", TODAY, false)).isEmpty();
        assertThat(Dates.in("MARKET 12 2019", TODAY, false)).isEmpty();
    }
}
