package io.mita.audit.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellsTest {

    @Test
    void aPlainValueIsWrittenAsItIs() {
        assertThat(CsvCells.cell("mita.auth.user.registered.v1")).isEqualTo("mita.auth.user.registered.v1");
        assertThat(CsvCells.cell("2026-01-15T09:30:00Z")).isEqualTo("2026-01-15T09:30:00Z");
    }

    @Test
    void nullAndEmptyAreTheEmptyCell() {
        assertThat(CsvCells.cell(null)).isEmpty();
        assertThat(CsvCells.cell("")).isEmpty();
    }

    @Test
    void aCommaAQuoteOrALineBreakEnclosesTheCellInQuotesWithEveryQuoteDoubled() {
        assertThat(CsvCells.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvCells.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvCells.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(CsvCells.cell("carriage\rreturn")).isEqualTo("\"carriage\rreturn\"");
        assertThat(CsvCells.cell("{\"n\": 1, \"m\": 2}")).isEqualTo("\"{\"\"n\"\": 1, \"\"m\"\": 2}\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1:A2)", "\tx"})
    void aCellThatASpreadsheetWouldRunAsAFormulaIsPrefixedWithAnApostrophe(String value) {
        assertThat(CsvCells.cell(value)).isEqualTo("'" + value);
    }

    @Test
    void aFormulaThatAlsoNeedsQuotesKeepsItsApostropheInsideTheQuotes() {
        assertThat(CsvCells.cell("=HYPERLINK(\"http://evil.example\",\"x\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
        assertThat(CsvCells.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
        assertThat(CsvCells.cell("-2,5")).isEqualTo("\"'-2,5\"");
    }

    @Test
    void formulaCharactersLaterInTheCellAreHarmless() {
        assertThat(CsvCells.cell("a=b+c-d@e")).isEqualTo("a=b+c-d@e");
    }
}
