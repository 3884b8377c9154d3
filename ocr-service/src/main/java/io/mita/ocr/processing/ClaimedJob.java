package io.mita.ocr.processing;

import java.util.UUID;

/** A job this worker holds the lease of; {@code attempt} counts this one (1 for the first). */
record ClaimedJob(UUID receiptId, UUID userId, int attempt) {}
