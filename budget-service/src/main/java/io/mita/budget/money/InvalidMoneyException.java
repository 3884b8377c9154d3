package io.mita.budget.money;

/** An amount or currency that does not make {@link Money}; {@link #part()} says which of the two is wrong. */
public class InvalidMoneyException extends IllegalArgumentException {

    public enum Part {
        AMOUNT,
        CURRENCY
    }

    private final Part part;

    public InvalidMoneyException(Part part, String message) {
        super(message);
        this.part = part;
    }

    public Part part() {
        return part;
    }
}
