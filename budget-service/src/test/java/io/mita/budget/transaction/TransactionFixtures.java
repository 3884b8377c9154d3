package io.mita.budget.transaction;

import java.util.HashMap;
import java.util.Map;

/** Request bodies as a client sends them; each call makes a fresh, mutable map. */
final class TransactionFixtures {

    private TransactionFixtures() {}

    static Map<String, Object> anExpense() {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "EXPENSE");
        body.put("amount", "12.50");
        body.put("currency", "EUR");
        body.put("category", "groceries");
        body.put("occurredOn", "2025-06-15");
        body.put("merchant", "Lidl");
        body.put("note", "weekly shop");
        return body;
    }

    static Map<String, Object> anExpense(String occurredOn, String category) {
        Map<String, Object> body = anExpense();
        body.put("occurredOn", occurredOn);
        body.put("category", category);
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String member, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(member, value);
        return changed;
    }

    static Map<String, Object> without(Map<String, Object> body, String member) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.remove(member);
        return changed;
    }
}
