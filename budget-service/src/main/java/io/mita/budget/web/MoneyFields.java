package io.mita.budget.web;

/** A request that states an amount and a currency as text, checked together by {@link ValidMoney}. */
public interface MoneyFields {

    String amount();

    String currency();

    /** The amount's member name in the request ("amount", "targetAmount", "monthlyAmount"). */
    default String amountField() {
        return "amount";
    }
}
