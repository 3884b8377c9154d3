package io.mita.ocr.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Renders synthetic retail receipts with their ground truth: varied fonts, sizes and layouts, date
 * formats in several languages, decimal points and commas, quantities, subtotal/tax/total/cash/change
 * blocks, and the damage of real photos and scans (rotation, upside down, blur, speckle noise, uneven
 * thermal-paper fading, a darker background around the paper, JPEG artefacts). Deterministic per seed.
 */
public final class ReceiptGenerator {

    /** What is printed on the receipt, to compare extraction against. */
    public record Truth(String merchant, LocalDate date, BigDecimal total, String currency, String layout) {}

    public record Generated(byte[] jpeg, Truth truth) {}

    private static final String[][] MERCHANTS = {
        {"LIDL", "groceries"},
        {"ALDI", "groceries"},
        {"TESCO", "groceries"},
        {"Carrefour", "groceries"},
        {"REWE", "groceries"},
        {"WALMART", "groceries"},
        {"Starbucks", "eating out"},
        {"SHELL", "transport"},
        {"Boots", "health"},
        {"Corner Deli", "eating out"},
        {"Green Leaf Cafe", "eating out"},
        {"Hilltop Hardware", "household"},
        {"Bella Napoli Pizzeria", "eating out"},
        {"Fresh Market", "groceries"},
        {"City Pharmacy", "health"},
        {"Baeckerei Mueller", "groceries"},
        {"Kaufland", "groceries"},
        {"Sunrise Grocery", "groceries"},
        {"Blue Bottle Coffee", "eating out"},
        {"Harbor Fuel", "transport"}
    };
    private static final String[] ITEMS = {
        "MILK 1L",
        "BREAD WHOLEMEAL",
        "BANANAS",
        "FREE RANGE EGGS",
        "CHEDDAR CHEESE",
        "TOMATOES",
        "PASTA 500G",
        "ORANGE JUICE",
        "BUTTER",
        "CHICKEN BREAST",
        "YOGHURT",
        "COFFEE BEANS",
        "RICE 1KG",
        "APPLES",
        "SPARKLING WATER",
        "CHOCOLATE",
        "CEREAL",
        "OLIVE OIL",
        "TOOTHPASTE",
        "SHAMPOO",
        "BATTERIES AA",
        "LATTE",
        "CAPPUCCINO",
        "CROISSANT",
        "SANDWICH",
        "UNLEADED 95",
        "PAPER TOWELS",
        "DISH SOAP",
        "ONIONS"
    };
    private static final String[] FONTS = {
        "DejaVu Sans Mono", "DejaVu Sans", "DejaVu Serif", "DejaVu Sans Condensed", "DejaVu Serif Condensed"
    };
    private static final String[] TOTAL_LABELS = {
        "TOTAL", "Total", "GRAND TOTAL", "AMOUNT DUE", "TOTAL DUE", "BALANCE DUE"
    };

    private ReceiptGenerator() {}

    public static Generated generate(long seed) {
        Random random = new Random(seed);
        String[] merchant = MERCHANTS[random.nextInt(MERCHANTS.length)];
        String currency = switch (random.nextInt(4)) {
            case 0 -> "USD";
            case 1 -> "GBP";
            default -> "EUR";
        };
        boolean comma = currency.equals("EUR") && random.nextBoolean();
        LocalDate date = LocalDate.of(2018, 1, 1).plusDays(random.nextInt(8 * 365));
        String dateText = dateText(date, currency, random);
        String layout = FONTS[random.nextInt(FONTS.length)];

        List<String[]> rows = new ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO;
        int count = 2 + random.nextInt(8);
        for (int i = 0; i < count; i++) {
            String item = ITEMS[random.nextInt(ITEMS.length)];
            BigDecimal price = BigDecimal.valueOf(50 + random.nextInt(1500), 2);
            if (random.nextInt(5) == 0) {
                int quantity = 2 + random.nextInt(3);
                rows.add(new String[] {"  " + quantity + " x " + money(price, comma), ""});
                price = price.multiply(BigDecimal.valueOf(quantity));
            }
            rows.add(new String[] {item, money(price, comma)});
            subtotal = subtotal.add(price);
        }
        BigDecimal rate = switch (currency) {
            case "USD" -> new BigDecimal("0.08");
            case "GBP" -> new BigDecimal("0.20");
            default -> new BigDecimal("0.19");
        };
        boolean taxAdded = currency.equals("USD");
        BigDecimal tax = subtotal.multiply(rate).setScale(2, RoundingMode.HALF_UP);
        BigDecimal total = taxAdded ? subtotal.add(tax) : subtotal;
        String symbol = switch (currency) {
            case "USD" -> "$";
            case "GBP" -> "£";
            default -> random.nextBoolean() ? "EUR" : "€";
        };

        List<String[]> lines = new ArrayList<>();
        boolean centred = random.nextBoolean();
        lines.add(new String[] {"@H" + merchant[0], ""});
        lines.add(new String[] {"@C" + (10 + random.nextInt(180)) + " " + street(random), ""});
        if (random.nextBoolean()) {
            lines.add(new String[] {"@CTel. 0" + (100000000 + random.nextInt(899999999)), ""});
        }
        String time = String.format(Locale.ROOT, "%02d:%02d", 7 + random.nextInt(14), random.nextInt(60));
        lines.add(
                random.nextBoolean()
                        ? new String[] {"Date: " + dateText, time}
                        : new String[] {dateText + "  " + time, "#" + (1000 + random.nextInt(9000))});
        lines.add(new String[] {"-", ""});
        lines.addAll(rows);
        lines.add(new String[] {"-", ""});
        if (taxAdded || random.nextBoolean()) {
            lines.add(new String[] {"SUBTOTAL", money(subtotal, comma)});
        }
        String vat = (taxAdded ? "TAX " : "VAT ")
                + rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        lines.add(new String[] {vat, money(tax, comma)});
        String label = TOTAL_LABELS[random.nextInt(TOTAL_LABELS.length)];
        if (currency.equals("EUR") && random.nextInt(3) == 0) {
            label = "SUMME";
        }
        lines.add(new String[] {"@B" + label + " " + symbol, money(total, comma)});
        if (random.nextBoolean()) {
            BigDecimal cash = total.setScale(0, RoundingMode.UP).add(BigDecimal.valueOf(random.nextInt(3) * 5L));
            lines.add(new String[] {"CASH", money(cash.setScale(2), comma)});
            lines.add(new String[] {"CHANGE", money(cash.subtract(total).setScale(2), comma)});
        } else {
            lines.add(new String[] {random.nextBoolean() ? "VISA" : "CARD", money(total, comma)});
        }
        lines.add(new String[] {"-", ""});
        lines.add(new String[] {"@CTHANK YOU FOR SHOPPING", ""});

        BufferedImage image = render(lines, layout, centred, random);
        image = damage(image, random);
        float quality = 0.45f + random.nextFloat() * 0.4f;
        return new Generated(jpeg(image, quality), new Truth(merchant[0], date, total, currency, layout));
    }

    private static String street(Random random) {
        String[] streets = {"High Street", "Main St", "Market Road", "Hauptstrasse 12", "Rue de la Paix", "Oak Avenue"};
        return streets[random.nextInt(streets.length)];
    }

    private static String money(BigDecimal amount, boolean comma) {
        String text = amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
        return comma ? text.replace('.', ',') : text;
    }

    private static String dateText(LocalDate date, String currency, Random random) {
        Locale locale = switch (random.nextInt(4)) {
            case 0 -> Locale.GERMAN;
            case 1 -> Locale.FRENCH;
            default -> Locale.ENGLISH;
        };
        String pattern = switch (random.nextInt(9)) {
            case 0 -> "yyyy-MM-dd";
            case 1 -> currency.equals("USD") ? "MM/dd/yyyy" : "dd/MM/yyyy";
            case 2 -> currency.equals("USD") ? "MM-dd-yy" : "dd.MM.yy";
            case 3 -> "dd MMM yyyy";
            case 4 -> "MMM dd, yyyy";
            case 5 -> "dd.MM.yyyy";
            case 6 -> "d MMMM yyyy";
            case 7 -> "dd-MMM-yy";
            default -> currency.equals("USD") ? "MM/dd/yy" : "dd/MM/yy";
        };
        String text = DateTimeFormatter.ofPattern(pattern, pattern.contains("MMM") ? locale : Locale.ROOT)
                .format(date);
        return random.nextBoolean() ? text.toUpperCase(Locale.ROOT) : text;
    }

    private static BufferedImage render(List<String[]> lines, String fontName, boolean centred, Random random) {
        int size = 20 + random.nextInt(12);
        Font font = new Font(fontName, Font.PLAIN, size);
        Font bold = font.deriveFont(Font.BOLD);
        Font header = new Font(fontName, Font.BOLD, (int) (size * (1.3 + random.nextDouble() * 0.6)));
        int width = 480 + random.nextInt(10) * 40 + size * 8;
        int lineHeight = (int) (size * 1.45);
        int height = lineHeight * (lines.size() + 4) + 40;
        BufferedImage paper = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = paper.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(250 - random.nextInt(12), 249 - random.nextInt(12), 244 - random.nextInt(16)));
        g.fillRect(0, 0, width, height);
        int ink = 10 + random.nextInt(60);
        g.setColor(new Color(ink, ink, ink + random.nextInt(20)));
        int margin = 24 + random.nextInt(20);
        int y = 30 + lineHeight;
        for (String[] line : lines) {
            String left = line[0];
            String right = line[1];
            Font use = font;
            boolean centre = false;
            if (left.startsWith("@H")) {
                use = header;
                left = left.substring(2);
                centre = centred;
                y += lineHeight / 3;
            } else if (left.startsWith("@C")) {
                left = left.substring(2);
                centre = centred;
            } else if (left.startsWith("@B")) {
                use = bold;
                left = left.substring(2);
            }
            g.setFont(use);
            FontMetrics metrics = g.getFontMetrics();
            if (left.equals("-")) {
                g.setStroke(
                        new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 5}, 0));
                g.drawLine(margin, y - lineHeight / 3, width - margin, y - lineHeight / 3);
            } else {
                int x = centre ? (width - metrics.stringWidth(left)) / 2 : margin;
                g.drawString(left, x, y);
                if (!right.isEmpty()) {
                    g.drawString(right, width - margin - metrics.stringWidth(right), y);
                }
            }
            y += use == header ? (int) (lineHeight * 1.4) : lineHeight;
        }
        g.dispose();
        return paper;
    }

    private static BufferedImage damage(BufferedImage paper, Random random) {
        Graphics2D g;
        // thermal fading: a soft light gradient over part of the paper
        if (random.nextInt(3) == 0) {
            g = paper.createGraphics();
            g.setPaint(new GradientPaint(
                    0,
                    0,
                    new Color(255, 255, 255, 140 + random.nextInt(60)),
                    paper.getWidth() * random.nextFloat(),
                    paper.getHeight(),
                    new Color(255, 255, 255, 0)));
            g.fillRect(0, 0, paper.getWidth(), paper.getHeight());
            g.dispose();
        }
        // speckle noise
        int speckles = paper.getWidth() * paper.getHeight() / (300 + random.nextInt(900));
        for (int i = 0; i < speckles; i++) {
            int x = random.nextInt(paper.getWidth());
            int y = random.nextInt(paper.getHeight());
            int v = random.nextBoolean() ? 120 + random.nextInt(80) : 255;
            paper.setRGB(x, y, new Color(v, v, v).getRGB());
        }
        // blur
        if (random.nextInt(3) == 0) {
            float w = 1f / 9;
            paper = new ConvolveOp(
                            new Kernel(3, 3, new float[] {w, w, w, w, w, w, w, w, w}), ConvolveOp.EDGE_NO_OP, null)
                    .filter(paper, null);
        }
        // rotation (sometimes upside down) on a photo-like background
        double degrees = (random.nextDouble() - 0.5) * 6;
        if (random.nextInt(12) == 0) {
            degrees += 180;
        }
        boolean background = random.nextInt(3) == 0;
        int pad = background ? 40 + random.nextInt(60) : 10;
        double radians = Math.toRadians(degrees);
        double sin = Math.abs(Math.sin(radians));
        double cos = Math.abs(Math.cos(radians));
        int w = (int) (paper.getWidth() * cos + paper.getHeight() * sin) + 2 * pad;
        int h = (int) (paper.getHeight() * cos + paper.getWidth() * sin) + 2 * pad;
        BufferedImage photo = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        g = photo.createGraphics();
        int shade = background ? 60 + random.nextInt(80) : 250;
        g.setColor(new Color(shade, shade - 5, shade - 10));
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform transform = new AffineTransform();
        transform.translate(w / 2.0, h / 2.0);
        transform.rotate(radians);
        transform.translate(-paper.getWidth() / 2.0, -paper.getHeight() / 2.0);
        g.drawImage(paper, transform, null);
        g.dispose();
        return photo;
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
            writer.dispose();
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
