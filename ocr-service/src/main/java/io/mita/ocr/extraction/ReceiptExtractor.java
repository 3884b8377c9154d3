package io.mita.ocr.extraction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads merchant, date, total, currency, tax and line items out of OCR text, each with a confidence, and
 * suggests a budget category. Rules for real retail receipts rather than one layout: every line is
 * classified by its keywords (total, subtotal, tax, payment, change, ...; tolerant to OCR noise such as
 * {@code T0TAL}), amounts are read with either decimal separator, and the total is the best-supported
 * candidate: a total keyword line, cross-checked against subtotal + tax, the card payment and cash minus
 * change (docs/ocr.md, "Extraction").
 */
public final class ReceiptExtractor {

    enum Kind {
        GRAND_TOTAL,
        TOTAL,
        SUBTOTAL,
        TAX,
        TENDER,
        CHANGE,
        NOT_MONEY,
        DISCOUNT,
        OTHER
    }

    private static final List<String> NOT_MONEY = List.of(
            "TOTAL SAVINGS",
            "TOTAL SAVED",
            "YOU SAVED",
            "SAVINGS",
            "TOTAL DISCOUNT",
            "TOTAL ITEMS",
            "ITEMS SOLD",
            "NUMBER OF ITEMS",
            "ITEM COUNT",
            "TOTAL QTY",
            "TOTAL QUANTITY",
            "NO OF ITEMS",
            "POINTS",
            "BONUS",
            "LOYALTY",
            "CLUBCARD",
            "REWARDS",
            "BALANCE REMAINING",
            "PREVIOUS BALANCE",
            "TOTAL NUMBER");
    private static final List<String> SUBTOTAL = List.of(
            "SUBTOTAL",
            "SUB TOTAL",
            "SUB TOTA",
            "ZWISCHENSUMME",
            "SOUS TOTAL",
            "SUBTOTAAL",
            "NET TOTAL",
            "NET AMOUNT",
            "TOTAL BEFORE TAX",
            "NETTO",
            "TOTAL HT",
            "TOTAL EXCL");
    private static final List<String> TAX = List.of(
            "TAX",
            "VAT",
            "MWST",
            "MW ST",
            "UST",
            "TVA",
            "IVA",
            "GST",
            "HST",
            "PST",
            "BTW",
            "SALES TAX",
            "STEUER",
            "PTU",
            "MOMS",
            "IMPUESTO");
    private static final List<String> NOT_TAX = List.of(
            "TAX INVOICE",
            "TAX ID",
            "VAT NO",
            "VAT NUMBER",
            "VAT REG",
            "TAX NO",
            "TAX NUMBER",
            "UST ID",
            "UST IDNR",
            "STEUERNUMMER",
            "STEUER NR",
            "ST NR",
            "GST NO",
            "GST REG",
            "ABN",
            "NIP");
    private static final List<String> CHANGE = List.of(
            "CHANGE",
            "CHANGE DUE",
            "RUCKGELD",
            "WECHSELGELD",
            "RENDU",
            "MONNAIE",
            "CAMBIO",
            "VUELTO",
            "WISSELGELD",
            "RESZTA");
    private static final List<String> TENDER = List.of(
            "CASH",
            "TENDERED",
            "TENDER",
            "AMOUNT TENDERED",
            "AMOUNT PAID",
            "PAID",
            "PAYMENT",
            "VISA",
            "MASTERCARD",
            "MASTER CARD",
            "MAESTRO",
            "AMEX",
            "AMERICAN EXPRESS",
            "DEBIT",
            "CREDIT",
            "CARD",
            "CONTACTLESS",
            "GEGEBEN",
            "BARGELD",
            "EC KARTE",
            "GIROCARD",
            "KARTE",
            "ESPECES",
            "CARTE",
            "EFECTIVO",
            "TARJETA",
            "CONTANTI",
            "GOTOWKA",
            "KARTA",
            "PIN",
            "APPLE PAY",
            "GOOGLE PAY");
    private static final List<String> GRAND_TOTAL = List.of(
            "GRAND TOTAL",
            "TOTAL DUE",
            "AMOUNT DUE",
            "BALANCE DUE",
            "TOTAL TO PAY",
            "TOTAL A PAGAR",
            "TO PAY",
            "ZU ZAHLEN",
            "TOTAL TTC",
            "TOTAL EUR",
            "TOTAL GBP",
            "TOTAL USD",
            "TOTAL PLN",
            "SUMA PLN",
            "TOTAL AMOUNT",
            "AMOUNT PAYABLE",
            "NET PAYABLE",
            "GESAMTBETRAG",
            "TOTAL INCL",
            "TOTAL INC");
    private static final List<String> TOTAL = List.of(
            "TOTAL",
            "TOTAAL",
            "TOTALE",
            "SUMME",
            "SUMA",
            "SUM",
            "BETRAG",
            "MONTANT",
            "IMPORTE",
            "GESAMT",
            "AMOUNT",
            "BALANCE",
            "TOTAL SALE",
            "SALE TOTAL",
            "PURCHASE");
    private static final List<String> DISCOUNT =
            List.of("DISCOUNT", "COUPON", "RABATT", "REMISE", "DESCUENTO", "PROMO");

    private static final List<String> NOT_MERCHANT = List.of(
            "RECEIPT",
            "WELCOME",
            "INVOICE",
            "TAX INVOICE",
            "TEL",
            "PHONE",
            "FAX",
            "STORE",
            "BRANCH",
            "CASHIER",
            "OPERATOR",
            "DATE",
            "TIME",
            "TABLE",
            "ORDER",
            "CUSTOMER",
            "COPY",
            "DUPLICATE",
            "THANK",
            "THANKS",
            "KASSE",
            "BON",
            "BELEG",
            "RECHNUNG",
            "QUITTUNG",
            "TICKET",
            "FACTURE",
            "REGISTER",
            "TRANS",
            "VAT NO",
            "OPENING HOURS",
            "HOURS",
            "OPEN");
    private static final Pattern CONTACT = Pattern.compile(
            "(?i)(www\\.|https?:|@|\\.com\\b|\\.co\\.uk\\b|\\.de\\b|\\btel\\b|\\bphone\\b|\\+?\\d[\\d ()-]{7,}\\d)");
    private static final Pattern STREET = Pattern.compile(
            "(?i)(\\d+\\s+\\S+.*\\b(st|street|rd|road|ave|avenue|blvd|lane|ln|way|drive|dr|hwy|highway|place|square)\\b)"
                    + "|\\b\\S*(strasse|straße|str\\.|weg|platz|allee|gasse|rue|avenue|calle|via|ulica|ul\\.)\\b"
                    + "|\\b\\d{5}\\b|\\b[A-Z]{1,2}\\d{1,2}[A-Z]?\\s?\\d[A-Z]{2}\\b");

    private final String defaultCurrency;

    /** @param defaultCurrency the currency assumed (with low confidence) when the receipt shows none */
    public ReceiptExtractor(String defaultCurrency) {
        this.defaultCurrency = defaultCurrency;
    }

    public Extraction extract(List<ReadLine> read, LocalDate today) {
        List<Line> lines = new ArrayList<>();
        for (ReadLine r : read) {
            if (!r.text().isBlank()) {
                lines.add(Line.of(r));
            }
        }
        ExtractedField<String> currency = currency(lines);
        boolean monthFirst = "USD".equals(currency.value()) || "CAD".equals(currency.value());
        ExtractedField<String> merchant = merchant(lines);
        ExtractedField<LocalDate> date = date(lines, today, monthFirst);
        ExtractedField<BigDecimal> total = total(lines);
        ExtractedField<BigDecimal> tax = tax(lines);
        List<LineItem> items = items(lines);
        ExtractedField<String> category = category(lines, merchant, items);
        return new Extraction(merchant, date, total, currency, tax, items, category);
    }

    /** A line prepared once: its numbers repaired, its words for keyword rules, its kind and amounts. */
    record Line(String text, String numbers, String words, Kind kind, List<BigDecimal> amounts, double confidence) {

        static Line of(ReadLine read) {
            String numbers = OcrNoise.numbers(read.text());
            String words = OcrNoise.words(read.text());
            return new Line(
                    read.text(), numbers, words, classify(words), Amounts.in(numbers), clamp(read.confidence()));
        }

        BigDecimal lastAmount() {
            return amounts.isEmpty() ? null : amounts.get(amounts.size() - 1);
        }
    }

    static Kind classify(String words) {
        if (Keywords.containsAny(words, NOT_MONEY)) {
            return Kind.NOT_MONEY;
        }
        if (Keywords.containsAny(words, SUBTOTAL)) {
            return Kind.SUBTOTAL;
        }
        if (Keywords.containsAny(words, CHANGE)) {
            return Kind.CHANGE;
        }
        if (Keywords.containsAny(words, TAX) && !Keywords.containsAny(words, NOT_TAX)) {
            // "TOTAL TAX" / "TAX TOTAL" is tax; "TOTAL INCL. TAX" is the total
            if (Keywords.containsAny(words, List.of("INCL", "INC", "INCLUDING", "INKL"))
                    && Keywords.containsAny(words, TOTAL)) {
                return Kind.GRAND_TOTAL;
            }
            return Kind.TAX;
        }
        if (Keywords.containsAny(words, GRAND_TOTAL)) {
            return Kind.GRAND_TOTAL;
        }
        if (Keywords.containsAny(words, TENDER) || words.equals("BAR") || words.equals("BAR EUR")) {
            return Kind.TENDER;
        }
        if (Keywords.containsAny(words, TOTAL)) {
            return Kind.TOTAL;
        }
        if (Keywords.containsAny(words, DISCOUNT)) {
            return Kind.DISCOUNT;
        }
        return Kind.OTHER;
    }

    // ---------------------------------------------------------------- total

    private record Candidate(BigDecimal amount, double score, double ocr) {}

    static ExtractedField<BigDecimal> total(List<Line> lines) {
        BigDecimal subtotal = firstAmount(lines, Kind.SUBTOTAL);
        BigDecimal tax = sumOf(lines, Kind.TAX);
        BigDecimal change = firstAmount(lines, Kind.CHANGE);
        List<BigDecimal> tenders = new ArrayList<>();
        for (Line line : lines) {
            if (line.kind() == Kind.TENDER
                    && line.lastAmount() != null
                    && line.lastAmount().signum() > 0) {
                tenders.add(line.lastAmount());
            }
        }
        BigDecimal largest = null;
        for (Line line : lines) {
            if (line.kind() != Kind.TENDER && line.kind() != Kind.CHANGE && line.kind() != Kind.NOT_MONEY) {
                for (BigDecimal a : line.amounts()) {
                    largest = largest == null || a.compareTo(largest) > 0 ? a : largest;
                }
            }
        }

        List<Candidate> candidates = new ArrayList<>();
        int lastSubtotal = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).kind() == Kind.SUBTOTAL) {
                lastSubtotal = i;
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.kind() != Kind.GRAND_TOTAL && line.kind() != Kind.TOTAL) {
                continue;
            }
            BigDecimal amount = line.lastAmount();
            double ocr = line.confidence();
            if (amount == null && i + 1 < lines.size() && lines.get(i + 1).kind() == Kind.OTHER) {
                amount = lines.get(i + 1).amounts().isEmpty()
                        ? null
                        : lines.get(i + 1).amounts().get(0);
                ocr = Math.min(ocr, lines.get(i + 1).confidence());
            }
            if (amount == null || amount.signum() <= 0) {
                continue;
            }
            double score = line.kind() == Kind.GRAND_TOTAL ? 1.0 : 0.8;
            if (Keywords.contains(line.words(), "TOTAL") && line.words().split(" ").length <= 2) {
                score += 0.1;
            }
            if (lastSubtotal >= 0 && i > lastSubtotal) {
                score += 0.1;
            }
            if (subtotal != null && tax != null && amount.compareTo(subtotal.add(tax)) == 0) {
                score += 0.4;
            } else if (subtotal != null && tax == null && amount.compareTo(subtotal) == 0) {
                score += 0.1;
            }
            if (tenders.contains(amount)) {
                score += 0.2;
            }
            if (change != null && impliedByChange(tenders, change, amount)) {
                score += 0.4;
            }
            if (largest != null && amount.compareTo(largest) == 0) {
                score += 0.15;
            }
            if (subtotal != null && amount.compareTo(subtotal) < 0) {
                score -= 0.5;
            }
            candidates.add(new Candidate(amount, score, ocr));
        }
        Optional<Candidate> best = candidates.stream().max(java.util.Comparator.comparingDouble(Candidate::score));
        if (best.isPresent()) {
            Candidate c = best.get();
            return new ExtractedField<>(c.amount(), Math.min(1, c.score() / 1.4) * c.ocr());
        }
        // no total line read: what the other lines imply, with less confidence
        if (subtotal != null && tax != null) {
            return new ExtractedField<>(subtotal.add(tax), 0.5);
        }
        if (change != null && !tenders.isEmpty()) {
            BigDecimal implied = tenders.get(0).subtract(change);
            if (implied.signum() > 0) {
                return new ExtractedField<>(implied, 0.45);
            }
        }
        if (!tenders.isEmpty() && change == null) {
            return new ExtractedField<>(tenders.get(0), 0.4);
        }
        if (subtotal != null) {
            return new ExtractedField<>(subtotal, 0.35);
        }
        if (largest != null && largest.signum() > 0) {
            return new ExtractedField<>(largest, 0.2);
        }
        return ExtractedField.none();
    }

    private static boolean impliedByChange(List<BigDecimal> tenders, BigDecimal change, BigDecimal amount) {
        return tenders.stream().anyMatch(t -> t.subtract(change).compareTo(amount) == 0);
    }

    private static BigDecimal firstAmount(List<Line> lines, Kind kind) {
        for (Line line : lines) {
            if (line.kind() == kind && line.lastAmount() != null) {
                return line.lastAmount();
            }
        }
        return null;
    }

    /** Tax lines added up (a receipt may list one per rate), or the "total tax" line when there is one. */
    private static BigDecimal sumOf(List<Line> lines, Kind kind) {
        BigDecimal sum = null;
        for (Line line : lines) {
            if (line.kind() != kind
                    || line.lastAmount() == null
                    || line.lastAmount().signum() < 0) {
                continue;
            }
            if (kind == Kind.TAX && Keywords.contains(line.words(), "TOTAL")) {
                return line.lastAmount();
            }
            sum = sum == null ? line.lastAmount() : sum.add(line.lastAmount());
        }
        return sum;
    }

    // ---------------------------------------------------------------- tax

    static ExtractedField<BigDecimal> tax(List<Line> lines) {
        BigDecimal tax = sumOf(lines, Kind.TAX);
        if (tax == null) {
            return ExtractedField.none();
        }
        double ocr = lines.stream()
                .filter(l -> l.kind() == Kind.TAX && l.lastAmount() != null)
                .mapToDouble(Line::confidence)
                .min()
                .orElse(0);
        return new ExtractedField<>(tax, 0.8 * ocr);
    }

    // ---------------------------------------------------------------- date

    static ExtractedField<LocalDate> date(List<Line> lines, LocalDate today, boolean monthFirst) {
        LocalDate best = null;
        double bestScore = 0;
        double bestOcr = 0;
        for (Line line : lines) {
            for (Dates.Found found : Dates.in(line.numbers(), today, monthFirst)) {
                double score = found.certainty();
                if (Keywords.containsAny(line.words(), List.of("DATE", "DATUM", "FECHA", "DATA", "DATE TIME"))) {
                    score += 0.3;
                }
                if (line.numbers().matches(".*\\b\\d{1,2}:\\d{2}.*")) {
                    score += 0.2;
                }
                if (score > bestScore) {
                    best = found.date();
                    bestScore = score;
                    bestOcr = line.confidence();
                }
            }
        }
        if (best == null) {
            return ExtractedField.none();
        }
        return new ExtractedField<>(best, Math.min(1, bestScore) * bestOcr);
    }

    // ---------------------------------------------------------------- merchant

    static ExtractedField<String> merchant(List<Line> lines) {
        int top = Math.min(lines.size(), 8);
        for (int i = 0; i < top; i++) {
            Optional<Categories.Chain> chain = Categories.chainIn(lines.get(i).words());
            if (chain.isPresent()) {
                return new ExtractedField<>(
                        chain.get().name(), 0.95 * Math.max(0.6, lines.get(i).confidence()));
            }
        }
        for (int i = 0; i < Math.min(lines.size(), 6); i++) {
            Line line = lines.get(i);
            String cleaned = line.text()
                    .replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}'!.)]+$", "")
                    .strip();
            cleaned = cleaned.replaceAll("\\s{2,}", " ");
            long letters = cleaned.chars().filter(Character::isLetter).count();
            // at least three letters, mostly letters, and a vowel: not "SSS" or "MGS" read from a logo
            if (letters < 3
                    || letters < cleaned.replace(" ", "").length() * 0.6
                    || !cleaned.matches("(?is).*[aeiouyäöüéèàáíóú].*")) {
                continue;
            }
            if (!line.amounts().isEmpty()
                    || line.kind() != Kind.OTHER
                    || Keywords.containsAny(line.words(), NOT_MERCHANT)
                    || CONTACT.matcher(line.text()).find()
                    || STREET.matcher(line.text()).find()
                    || !Dates.in(line.numbers(), LocalDate.MAX.minusDays(2), false)
                            .isEmpty()) {
                continue;
            }
            double position = 1.0 - 0.1 * i;
            return new ExtractedField<>(cleaned, 0.7 * position * line.confidence());
        }
        return ExtractedField.none();
    }

    // ---------------------------------------------------------------- currency

    static ExtractedField<String> currency(List<Line> lines, String fallback) {
        java.util.Map<String, Integer> votes = new java.util.HashMap<>();
        for (Line line : lines) {
            String text = line.text();
            String upper = text.toUpperCase(java.util.Locale.ROOT);
            vote(votes, "EUR", count(text, "€") + words(upper, "EUR") + words(upper, "EURO"));
            vote(votes, "GBP", count(text, "£") + words(upper, "GBP"));
            vote(votes, "USD", count(text, "$") + words(upper, "USD"));
            vote(votes, "CAD", 3 * words(upper, "CAD") + 3 * count(upper, "C$"));
            vote(votes, "AUD", 3 * words(upper, "AUD") + 3 * count(upper, "A$"));
            vote(votes, "CHF", 2 * words(upper, "CHF"));
            vote(votes, "PLN", 2 * words(upper, "PLN") + 2 * count(text.toLowerCase(java.util.Locale.ROOT), "zł"));
            vote(votes, "SEK", 2 * words(upper, "SEK"));
            vote(votes, "NOK", 2 * words(upper, "NOK"));
            vote(votes, "DKK", 2 * words(upper, "DKK"));
            vote(votes, "CZK", 2 * words(upper, "CZK") + 2 * count(text, "Kč"));
            vote(votes, "JPY", count(text, "¥") + 2 * words(upper, "JPY"));
            vote(votes, "INR", count(text, "₹") + 2 * words(upper, "INR"));
        }
        if (votes.getOrDefault("CAD", 0) > 0 || votes.getOrDefault("AUD", 0) > 0) {
            votes.remove("USD");
        }
        return votes.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .max(java.util.Map.Entry.comparingByValue())
                .map(e -> new ExtractedField<>(e.getKey(), e.getValue() >= 2 ? 0.9 : 0.7))
                .orElse(fallback == null ? ExtractedField.none() : new ExtractedField<>(fallback, 0.2));
    }

    private ExtractedField<String> currency(List<Line> lines) {
        return currency(lines, defaultCurrency);
    }

    private static void vote(java.util.Map<String, Integer> votes, String currency, int n) {
        if (n > 0) {
            votes.merge(currency, n, Integer::sum);
        }
    }

    private static int count(String text, String sign) {
        int n = 0;
        for (int i = text.indexOf(sign); i >= 0; i = text.indexOf(sign, i + sign.length())) {
            n++;
        }
        return n;
    }

    private static int words(String upper, String code) {
        int n = 0;
        java.util.regex.Matcher m =
                Pattern.compile("(?<![A-Z])" + code + "(?![A-Z])").matcher(upper);
        while (m.find()) {
            n++;
        }
        return n;
    }

    // ---------------------------------------------------------------- items

    static List<LineItem> items(List<Line> lines) {
        int end = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            Kind kind = lines.get(i).kind();
            if (kind == Kind.SUBTOTAL || kind == Kind.TOTAL || kind == Kind.GRAND_TOTAL) {
                end = i;
                break;
            }
        }
        List<LineItem> items = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            Line line = lines.get(i);
            BigDecimal amount = line.lastAmount();
            if (line.kind() != Kind.OTHER || amount == null || amount.signum() <= 0) {
                continue;
            }
            int amountAt = Amounts.start(line.numbers());
            String description = (amountAt > 0 ? line.numbers().substring(0, amountAt) : "")
                    .replaceAll("(?i)\\b\\d+\\s*[x@*]\\s*$", "")
                    .replaceAll("[€$£]", "")
                    .replaceAll("\\s{2,}", " ")
                    .strip();
            long letters = description.chars().filter(Character::isLetter).count();
            if (letters < 2
                    || !Dates.in(line.numbers(), LocalDate.MAX.minusDays(2), false)
                            .isEmpty()) {
                continue;
            }
            items.add(new LineItem(description, amount, Math.round(0.9 * line.confidence() * 1000) / 1000.0));
        }
        return items;
    }

    // ---------------------------------------------------------------- category

    static ExtractedField<String> category(List<Line> lines, ExtractedField<String> merchant, List<LineItem> items) {
        if (merchant.found()) {
            Optional<Categories.Chain> chain = Categories.chainIn(OcrNoise.words(merchant.value()));
            if (chain.isPresent()) {
                return new ExtractedField<>(chain.get().category(), 0.9);
            }
        }
        String merchantWords = merchant.found() ? OcrNoise.words(merchant.value()) : "";
        List<String> itemWords = new ArrayList<>();
        items.forEach(item -> itemWords.add(OcrNoise.words(item.description())));
        for (int i = 0; i < Math.min(4, lines.size()); i++) {
            itemWords.add(lines.get(i).words());
        }
        return Categories.fromWords(merchantWords, itemWords)
                .map(category -> new ExtractedField<>(category, 0.6))
                .orElse(new ExtractedField<>(Categories.FALLBACK, 0.1));
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
