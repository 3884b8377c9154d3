package io.mita.ocr.extraction;

import java.math.BigDecimal;

/** A bought item as printed: description and the line's amount (quantity × price already applied). */
public record LineItem(String description, BigDecimal amount, double confidence) {}
