package io.mita.auth.token;

/** @param previousKid the key retired by the rotation, or null when none was active */
record RotatedKeyResponse(String kid, String previousKid) {}
