package io.mita.auth.session;

/**
 * Where a login or refresh comes from, as a session records it: a device name (the client's
 * {@code X-Device-Name} header or a summary of its User-Agent) and the client's network (its address masked to
 * the /24 or /48, {@link ClientNetworks#mask}), or null when the address is unknown.
 */
record ClientContext(String deviceName, String network) {

    static final ClientContext UNKNOWN = new ClientContext(DeviceNames.UNKNOWN, null);
}
