package io.mita.gateway.ratelimit;

/** What a rate-limit bucket counts per. */
enum KeyKind {
    /** The client's IP address (see {@code ClientAddressResolver}). */
    IP,
    /** The verified user; an anonymous request (only possible on public paths) counts per IP. */
    USER,
    /** The normalised e-mail of a login request's JSON body; no bucket when the body has none. */
    EMAIL,
    /** The verified user when there is one, else the IP address. */
    USER_OR_IP
}
