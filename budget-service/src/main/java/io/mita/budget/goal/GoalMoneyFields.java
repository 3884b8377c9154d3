package io.mita.budget.goal;

/** A request that states an amount and a currency as text, checked together by {@link ValidGoalMoney}. */
interface GoalMoneyFields {

    String amount();

    String currency();

    /** The amount's member name in the request ("targetAmount", "amount", "monthlyAmount"). */
    String amountField();
}
