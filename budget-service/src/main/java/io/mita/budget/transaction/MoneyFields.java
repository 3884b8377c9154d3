package io.mita.budget.transaction;

/** A request that states an amount and a currency as text, checked together by {@link ValidMoney}. */
interface MoneyFields {

    String amount();

    String currency();
}
