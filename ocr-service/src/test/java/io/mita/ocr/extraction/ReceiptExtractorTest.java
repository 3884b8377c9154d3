package io.mita.ocr.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Extraction on OCR text as Tesseract returns it from real-looking receipts, noise included. */
class ReceiptExtractorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private final ReceiptExtractor extractor = new ReceiptExtractor("EUR");

    @Test
    void readsAGermanDiscounterReceiptWithCommaDecimals() {
        Extraction e = extract("""
                LIDL
                Lidl Dienstleistung GmbH & Co. KG
                Hauptstrasse 12
                12345 Berlin
                EUR
                Vollmilch 3,5% 1,09 A
                Bananen 1,49 A
                Brot 2,29 A
                Pfand 0,25 A
                zu zahlen 5,12
                Bar 10,00
                Rückgeld 4,88
                MwSt % Netto Brutto
                A 7% 0,33 4,79 5,12
                25.12.18 14:32 Filiale 1234
                """);

        assertThat(e.merchant().value()).isEqualTo("Lidl");
        assertThat(e.total().value()).isEqualByComparingTo("5.12");
        assertThat(e.date().value()).isEqualTo(LocalDate.of(2018, 12, 25));
        assertThat(e.currency().value()).isEqualTo("EUR");
        assertThat(e.category().value()).isEqualTo("groceries");
        assertThat(e.items()).extracting(LineItem::amount).contains(new BigDecimal("1.49"), new BigDecimal("2.29"));
    }

    @Test
    void readsAnAmericanReceiptWithTaxCashAndChange() {
        Extraction e = extract("""
                WALMART
                Save money. Live better.
                (555) 123-4567
                1234 MAIN ST
                SPRINGFIELD IL 62701
                ST# 05483 OP# 009051 TE# 51 TR# 04520
                BANANAS 0.58
                GV 2% MILK 2.88
                BREAD 1.98
                SUBTOTAL 5.44
                TAX 1 6.250 % 0.34
                TOTAL 5.78
                CASH TEND 10.00
                CHANGE DUE 4.22
                # ITEMS SOLD 3
                12/25/18 14:32:11
                """);

        assertThat(e.merchant().value()).isEqualTo("Walmart");
        assertThat(e.total().value()).isEqualByComparingTo("5.78");
        assertThat(e.tax().value()).isEqualByComparingTo("0.34");
        assertThat(e.date().value()).isEqualTo(LocalDate.of(2018, 12, 25));
        assertThat(e.currency().value())
                .as("no currency printed: the configured default")
                .isEqualTo("EUR");
        assertThat(e.currency().confidence()).isLessThan(0.5);
        assertThat(e.items()).extracting(LineItem::description).contains("BANANAS", "BREAD");
    }

    @Test
    void theTotalIsNeitherSubtotalNorTaxNorCashNorChange() {
        Extraction e = extract("""
                CORNER DELI
                COFFEE 3.20
                BAGEL 4.10
                SUBTOTAL 7.30
                VAT 20% 1.46
                TOTAL 8.76
                CASH 20.00
                CHANGE 11.24
                """);

        assertThat(e.total().value()).isEqualByComparingTo("8.76");
        assertThat(e.tax().value()).isEqualByComparingTo("1.46");
    }

    @Test
    void readsThroughOcrNoiseInKeywordsAndNumbers() {
        Extraction e = extract("""
                GREEN LEAF CAFE
                Date: 2O18-12-25 09:14
                LATTE 3.5O
                MUFFIN 2.9O
                SUBT0TAL 6.4O
                T0TAL 1O.5O
                VISA 1O.5O
                """);

        assertThat(e.total().value()).isEqualByComparingTo("10.50");
        assertThat(e.date().value()).isEqualTo(LocalDate.of(2018, 12, 25));
        assertThat(e.merchant().value()).isEqualTo("GREEN LEAF CAFE");
        assertThat(e.category().value()).isEqualTo("eating out");
    }

    @Test
    void prefersTheGrandTotalOverAnEarlierTotalLine() {
        Extraction e = extract("""
                BELLA NAPOLI
                Table 4 Guests 2
                Margherita 9.50
                Lasagne 12.00
                Total 21.50
                Service 10% 2.15
                GRAND TOTAL 23.65
                """);

        assertThat(e.total().value()).isEqualByComparingTo("23.65");
    }

    @Test
    void takesTheAmountFromTheNextLineWhenTheTotalLabelStandsAlone() {
        Extraction e = extract("""
                FRESH MARKET
                APPLES 2.40
                ONIONS 1.10
                TOTAL
                3.50
                CARD 3.50
                """);

        assertThat(e.total().value()).isEqualByComparingTo("3.50");
    }

    @Test
    void doesNotTakeSavingsOrItemCountsForTheTotal() {
        Extraction e = extract("""
                TESCO
                MILK 1.45
                EGGS 2.10
                TOTAL 3.55
                TOTAL SAVINGS 0.50
                CLUBCARD POINTS 3
                """);

        assertThat(e.total().value()).isEqualByComparingTo("3.55");
        assertThat(e.merchant().value()).isEqualTo("Tesco");
    }

    @Test
    void readsAmountDueAndPoundSign() {
        Extraction e = extract("""
                City Pharmacy
                12 High Street
                Tel 0161 496 0000
                IBUPROFEN 200MG £2.49
                PLASTERS £3.10
                AMOUNT DUE £5.59
                CARD £5.59
                14 Mar 2024 16:02
                """);

        assertThat(e.merchant().value()).isEqualTo("City Pharmacy");
        assertThat(e.total().value()).isEqualByComparingTo("5.59");
        assertThat(e.currency().value()).isEqualTo("GBP");
        assertThat(e.date().value()).isEqualTo(LocalDate.of(2024, 3, 14));
        assertThat(e.category().value()).isEqualTo("health");
    }

    @Test
    void readsADollarReceiptMonthFirst() {
        Extraction e = extract("""
                SUNRISE GROCERY
                03/04/2024 10:15
                RICE 1KG $3.99
                TAX $0.32
                TOTAL $4.31
                """);

        assertThat(e.currency().value()).isEqualTo("USD");
        assertThat(e.date().value()).isEqualTo(LocalDate.of(2024, 3, 4));
        assertThat(e.total().value()).isEqualByComparingTo("4.31");
    }

    @Test
    void prefersTheLabelledDateOverOtherDates() {
        Extraction e = extract("""
                HILLTOP HARDWARE
                Return by 24/01/2025
                SCREWS 4.99
                TOTAL 4.99
                Date: 25/12/2024 11:02
                """);

        assertThat(e.date().value()).isEqualTo(LocalDate.of(2024, 12, 25));
        assertThat(e.category().value()).isEqualTo("household");
    }

    @Test
    void skipsAddressPhoneAndGreetingsWhenLookingForTheMerchant() {
        Extraction e = extract("""
                *** WELCOME ***
                www.example.com
                Blue Door Books
                221 Baker Street
                NOVEL 12.99
                TOTAL 12.99
                """);

        assertThat(e.merchant().value()).isEqualTo("Blue Door Books");
    }

    @Test
    void aBlankReceiptHasNoFieldsAndNoConfidence() {
        Extraction e = extractor.extract(List.of(), TODAY);

        assertThat(e.total().found()).isFalse();
        assertThat(e.date().found()).isFalse();
        assertThat(e.merchant().found()).isFalse();
        assertThat(e.confidence()).isZero();
        assertThat(e.category().value()).isEqualTo("other");
    }

    @Test
    void withoutATotalLineTheTotalIsImpliedWithLowConfidence() {
        Extraction e = extract("""
                KIOSK 24
                WATER 1.20
                GUM 0.90
                SUBTOTAL 2.10
                VAT 0.40
                """);

        assertThat(e.total().value()).isEqualByComparingTo("2.50");
        assertThat(e.total().confidence()).isLessThanOrEqualTo(0.5);
    }

    @Test
    void everyFieldCarriesTheOcrConfidenceOfItsLine() {
        List<ReadLine> lines =
                List.of(new ReadLine("LIDL", 0.95), new ReadLine("TOTAL 9.99", 0.5), new ReadLine("01.02.2024", 0.9));

        Extraction e = extractor.extract(lines, TODAY);

        assertThat(e.total().confidence()).isLessThanOrEqualTo(0.5);
        assertThat(e.merchant().confidence()).isGreaterThan(e.total().confidence());
        assertThat(e.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void readsAFrenchReceiptWithTtc() {
        Extraction e = extract("""
                Carrefour Market
                12 rue de la Paix
                PAIN 1,20
                FROMAGE 4,35
                TOTAL HT 4,71
                TVA 5,5% 0,84
                TOTAL TTC 5,55
                ESPECES 10,00
                RENDU 4,45
                14 oct. 2023
                """);

        assertThat(e.merchant().value()).isEqualTo("Carrefour");
        assertThat(e.total().value()).isEqualByComparingTo("5.55");
        assertThat(e.tax().value()).isEqualByComparingTo("0.84");
        assertThat(e.date().value()).isEqualTo(LocalDate.of(2023, 10, 14));
    }

    @Test
    void readsAFuelReceipt() {
        Extraction e = extract("""
                SHELL
                Pump 04 Unleaded
                42.17 L @ 1.659
                FUEL 69.96
                TOTAL EUR 69,96
                VISA 69,96
                2024-05-06 08:12
                """);

        assertThat(e.total().value()).isEqualByComparingTo("69.96");
        assertThat(e.category().value()).isEqualTo("transport");
        assertThat(e.date().value()).isEqualTo(LocalDate.of(2024, 5, 6));
    }

    private Extraction extract(String text) {
        List<ReadLine> lines = Arrays.stream(text.split("\n"))
                .map(line -> new ReadLine(line, 0.9))
                .toList();
        return extractor.extract(lines, TODAY);
    }
}
