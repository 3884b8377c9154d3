package io.mita.audit.chain;

import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;

/** A {@code bytea} column of a row as {@code byte[]}: hashes and signatures are read as the driver's binary value. */
public final class Bytea {

    private Bytea() {}

    /** The column's bytes, {@code null} for SQL NULL. */
    public static byte[] read(Readable row, String column) {
        ByteBuffer buffer = row.get(column, ByteBuffer.class);
        if (buffer == null) {
            return null;
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
