package io.mita.auth.session;

/** How many of the caller's other sessions were ended. */
record RevokedSessionsResponse(long revokedSessions) {}
