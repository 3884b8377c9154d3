package io.mita.auth.admin;

import java.util.UUID;

record UnlockResponse(UUID userId, boolean wasLocked) {}
