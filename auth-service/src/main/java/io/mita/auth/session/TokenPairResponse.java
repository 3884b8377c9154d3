package io.mita.auth.session;

import io.mita.auth.secret.OpaqueToken;
import io.mita.auth.token.IssuedAccessToken;

/** What login and refresh answer. {@code expiresIn} is the access token's lifetime in seconds. */
record TokenPairResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {

    static TokenPairResponse of(IssuedAccessToken accessToken, OpaqueToken refreshToken) {
        return new TokenPairResponse(
                accessToken.value(), refreshToken.value(), "Bearer", accessToken.expiresInSeconds());
    }

    @Override
    public String toString() {
        return "TokenPairResponse[<redacted>, expiresIn=" + expiresIn + "]";
    }
}
