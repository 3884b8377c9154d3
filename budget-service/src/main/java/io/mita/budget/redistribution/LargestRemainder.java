package io.mita.budget.redistribution;

import java.math.BigInteger;

/**
 * Splits an amount of minor units over weights, exactly and deterministically (the largest remainder, or Hamilton,
 * method): each share is first {@code floor(amount * weight / totalWeight)}; the units still missing go one each
 * to the entries with the largest remainders, ties to the lower index. Entries of weight 0 get nothing.
 *
 * <p>Allocation-free for the callers' hot loops: the caller hands in the output and scratch arrays.
 */
final class LargestRemainder {

    private LargestRemainder() {}

    /**
     * Writes into {@code shares[from..to)} the split of {@code amount} over {@code weights[from..to)}.
     *
     * @param totalWeight the sum of {@code weights[from..to)}, greater than 0
     * @param remainders scratch space at least as long as {@code to}
     */
    static void split(
            long amount, long[] weights, int from, int to, long totalWeight, long[] shares, long[] remainders) {
        if (totalWeight <= 0) {
            throw new IllegalArgumentException("the weights must add up to more than 0");
        }
        long given = 0;
        for (int i = from; i < to; i++) {
            long weight = weights[i];
            if (weight == 0) {
                shares[i] = 0;
                remainders[i] = -1;
                continue;
            }
            long high = Math.multiplyHigh(amount, weight);
            long low = amount * weight;
            if (high == 0 && low >= 0) {
                shares[i] = low / totalWeight;
                remainders[i] = low % totalWeight;
            } else {
                BigInteger[] quotientAndRemainder = BigInteger.valueOf(amount)
                        .multiply(BigInteger.valueOf(weight))
                        .divideAndRemainder(BigInteger.valueOf(totalWeight));
                shares[i] = quotientAndRemainder[0].longValueExact();
                remainders[i] = quotientAndRemainder[1].longValueExact();
            }
            given += shares[i];
        }
        for (long missing = amount - given; missing > 0; missing--) {
            int best = -1;
            for (int i = from; i < to; i++) {
                if (remainders[i] > 0 && (best < 0 || remainders[i] > remainders[best])) {
                    best = i;
                }
            }
            shares[best]++;
            remainders[best] = -1;
        }
    }
}
