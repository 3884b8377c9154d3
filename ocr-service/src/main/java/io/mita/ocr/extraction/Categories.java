package io.mita.ocr.extraction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Known retail chains (so the merchant is named the way the brand spells itself) and the budget category a
 * receipt suggests: first from a known chain, then from words of the merchant line and the items. The
 * category names are budget-service's free-text categories in lower case.
 */
final class Categories {

    static final String FALLBACK = "other";

    record Chain(String name, String category, List<String> spellings) {}

    /** Chains as OCR words ({@link OcrNoise#words}); the first spelling is the brand's words upper-cased. */
    static final List<Chain> CHAINS = List.of(
            chain("Lidl", "groceries"),
            chain("Aldi", "groceries", "ALDI SUD", "ALDI NORD"),
            chain("Tesco", "groceries"),
            chain("Sainsbury's", "groceries", "SAINSBURYS", "SAINSBURY S"),
            chain("Asda", "groceries"),
            chain("Morrisons", "groceries"),
            chain("Waitrose", "groceries"),
            chain("Co-op", "groceries", "CO OP", "COOP"),
            chain("Walmart", "groceries", "WAL MART"),
            chain("Kroger", "groceries"),
            chain("Safeway", "groceries"),
            chain("Whole Foods Market", "groceries", "WHOLE FOODS"),
            chain("Trader Joe's", "groceries", "TRADER JOES", "TRADER JOE S"),
            chain("Costco", "groceries", "COSTCO WHOLESALE"),
            chain("Target", "shopping"),
            chain("Carrefour", "groceries"),
            chain("Auchan", "groceries"),
            chain("Leclerc", "groceries", "E LECLERC"),
            chain("Rewe", "groceries"),
            chain("Edeka", "groceries"),
            chain("Kaufland", "groceries"),
            chain("Netto", "groceries"),
            chain("Penny", "groceries"),
            chain("Spar", "groceries"),
            chain("Albert Heijn", "groceries"),
            chain("Jumbo", "groceries"),
            chain("Mercadona", "groceries"),
            chain("Biedronka", "groceries"),
            chain("Migros", "groceries"),
            chain("Starbucks", "eating out", "STARBUCKS COFFEE"),
            chain("McDonald's", "eating out", "MCDONALDS", "MCDONALD S", "MC DONALDS"),
            chain("Burger King", "eating out"),
            chain("KFC", "eating out"),
            chain("Subway", "eating out"),
            chain("Pret A Manger", "eating out", "PRET"),
            chain("Costa Coffee", "eating out", "COSTA"),
            chain("Domino's", "eating out", "DOMINOS"),
            chain("Shell", "transport"),
            chain("BP", "transport"),
            chain("Esso", "transport"),
            chain("Exxon", "transport", "EXXONMOBIL"),
            chain("Chevron", "transport"),
            chain("Total Energies", "transport", "TOTALENERGIES"),
            chain("Boots", "health"),
            chain("CVS Pharmacy", "health", "CVS"),
            chain("Walgreens", "health"),
            chain("dm", "health", "DM DROGERIE MARKT", "DM DROGERIE"),
            chain("Rossmann", "health"),
            chain("IKEA", "household"),
            chain("Home Depot", "household", "THE HOME DEPOT"),
            chain("B&Q", "household", "B Q"),
            chain("H&M", "clothing", "H M"),
            chain("Zara", "clothing"),
            chain("Primark", "clothing"),
            chain("Uniqlo", "clothing"),
            chain("Decathlon", "shopping"),
            chain("Best Buy", "electronics"),
            chain("MediaMarkt", "electronics", "MEDIA MARKT"));

    /** Words of the merchant line or the items that point to a category, strongest first. */
    private static final Map<String, List<String>> WORDS = words();

    private Categories() {}

    private static Chain chain(String name, String category, String... more) {
        List<String> spellings = new java.util.ArrayList<>();
        spellings.add(OcrNoise.words(name));
        spellings.addAll(List.of(more));
        return new Chain(name, category, List.copyOf(spellings));
    }

    static Optional<Chain> chainIn(String words) {
        String joined = words.replace(" ", "");
        for (Chain chain : CHAINS) {
            // OCR splits words ("KAUF LAND"): a whole line that is the name without its spaces counts too
            if (joined.length() >= 5 && joined.equals(chain.spellings().get(0).replace(" ", ""))) {
                return Optional.of(chain);
            }
            for (String spelling : chain.spellings()) {
                // short brand names (BP, KFC, dm) only as the whole line
                // one OCR error is forgiven only in longer names: BOOKS is not BOOTS
                boolean matches = spelling.length() <= 3
                        ? words.equals(spelling)
                        : spelling.length() < 6
                                ? (" " + words + " ").contains(" " + spelling + " ")
                                : Keywords.contains(words, spelling);
                if (matches) {
                    return Optional.of(chain);
                }
            }
        }
        return Optional.empty();
    }

    /** The category with most evidence in these words (merchant line counted three times), if any. */
    static Optional<String> fromWords(String merchantWords, List<String> itemWords) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        WORDS.forEach((category, keywords) -> {
            int n = 0;
            for (String keyword : keywords) {
                if (Keywords.contains(merchantWords, keyword)) {
                    n += 3;
                }
                for (String item : itemWords) {
                    if (Keywords.contains(item, keyword)) {
                        n++;
                    }
                }
            }
            if (n > 0) {
                votes.put(category, n);
            }
        });
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    private static Map<String, List<String>> words() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(
                "eating out",
                List.of(
                        "RESTAURANT",
                        "CAFE",
                        "COFFEE",
                        "BAR",
                        "GRILL",
                        "PIZZA",
                        "PIZZERIA",
                        "BURGER",
                        "KITCHEN",
                        "BISTRO",
                        "DINER",
                        "SUSHI",
                        "TAVERN",
                        "PUB",
                        "LATTE",
                        "CAPPUCCINO",
                        "ESPRESSO",
                        "AMERICANO",
                        "TIP",
                        "GRATUITY",
                        "SERVER",
                        "TABLE",
                        "GUESTS",
                        "FRIES",
                        "SANDWICH",
                        "BAGEL",
                        "MUFFIN",
                        "CROISSANT"));
        m.put(
                "groceries",
                List.of(
                        "SUPERMARKET",
                        "MARKET",
                        "GROCERY",
                        "GROCERIES",
                        "FOODS",
                        "MILK",
                        "BREAD",
                        "EGGS",
                        "BUTTER",
                        "CHEESE",
                        "BANANAS",
                        "BANANA",
                        "APPLES",
                        "TOMATOES",
                        "POTATOES",
                        "YOGURT",
                        "YOGHURT",
                        "CHICKEN",
                        "PASTA",
                        "RICE",
                        "CEREAL",
                        "FLOUR",
                        "SUGAR",
                        "BEEF",
                        "ORANGES",
                        "ONIONS",
                        "CARROTS",
                        "JUICE",
                        "WATER",
                        "LETTUCE",
                        "SALAD",
                        "VOLLMILCH",
                        "BROT",
                        "KASE",
                        "BUTTER"));
        m.put(
                "transport",
                List.of(
                        "FUEL",
                        "PETROL",
                        "DIESEL",
                        "UNLEADED",
                        "GASOLINE",
                        "PUMP",
                        "LITRES",
                        "LITERS",
                        "GALLONS",
                        "PARKING",
                        "TAXI",
                        "TICKET",
                        "STATION",
                        "SERVICE STATION"));
        m.put(
                "health",
                List.of(
                        "PHARMACY",
                        "CHEMIST",
                        "APOTHEKE",
                        "DRUGSTORE",
                        "PRESCRIPTION",
                        "IBUPROFEN",
                        "PARACETAMOL",
                        "VITAMIN",
                        "VITAMINS",
                        "TABLETS",
                        "PLASTERS",
                        "TOOTHPASTE",
                        "SHAMPOO"));
        m.put(
                "household",
                List.of(
                        "HARDWARE",
                        "DETERGENT",
                        "BATTERIES",
                        "BULB",
                        "TOILET",
                        "TISSUE",
                        "CLEANER",
                        "BLEACH",
                        "SPONGE",
                        "GARDEN",
                        "PAINT",
                        "SCREWS"));
        m.put(
                "clothing",
                List.of("FASHION", "APPAREL", "SHIRT", "TSHIRT", "JEANS", "DRESS", "SOCKS", "SHOES", "JACKET"));
        m.put("electronics", List.of("ELECTRONICS", "CABLE", "CHARGER", "HEADPHONES", "USB", "HDMI"));
        m.put("entertainment", List.of("CINEMA", "THEATRE", "THEATER", "TICKETS", "BOOKS", "BOOKSHOP", "GAMES"));
        return m;
    }
}
