package io.mita.auth.token;

import java.time.Instant;

/** A signed access token and when it expires. */
public record IssuedAccessToken(String value, Instant expiresAt, long expiresInSeconds) {}
