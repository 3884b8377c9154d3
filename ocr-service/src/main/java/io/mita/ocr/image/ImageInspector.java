package io.mita.ocr.image;

import io.mita.ocr.image.RejectedImageException.Reason;
import java.util.zip.CRC32;

/**
 * Checks an upload before anything decodes it: the type by its magic bytes (never the declared type or
 * file name), the dimensions from the header, the pixel budget (decompression bombs are refused before a
 * single pixel is allocated) and the structure (JPEG segments up to the first scan and an end-of-image
 * marker after it; PNG chunks with their CRCs up to IEND), so a truncated file is refused at upload
 * rather than failing later in the worker. Plain Java, no decoding.
 */
public final class ImageInspector {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final long maxPixels;
    private final int minSide;

    public ImageInspector(long maxPixels, int minSide) {
        this.maxPixels = maxPixels;
        this.minSide = minSide;
    }

    public ImageFacts inspect(byte[] bytes) {
        if (isJpeg(bytes)) {
            return checked(jpeg(bytes));
        }
        if (isPng(bytes)) {
            return checkedPng(bytes);
        }
        throw new RejectedImageException(Reason.UNSUPPORTED_TYPE, "The file is neither a JPEG nor a PNG image.");
    }

    static boolean isJpeg(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    }

    static boolean isPng(byte[] b) {
        if (b.length < PNG_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (b[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    private ImageFacts checked(ImageFacts facts) {
        if (facts.width() <= 0 || facts.height() <= 0) {
            throw corrupt("The image header gives no dimensions.");
        }
        if (facts.pixels() > maxPixels) {
            throw new RejectedImageException(
                    Reason.TOO_MANY_PIXELS,
                    "The image has %d × %d pixels; at most %d pixels are accepted."
                            .formatted(facts.width(), facts.height(), maxPixels));
        }
        if (facts.width() < minSide || facts.height() < minSide) {
            throw new RejectedImageException(
                    Reason.TOO_SMALL,
                    "The image is %d × %d pixels; a receipt needs at least %d pixels on each side."
                            .formatted(facts.width(), facts.height(), minSide));
        }
        return facts;
    }

    /** Walks the marker segments up to the first scan (SOS), then looks for the end-of-image marker. */
    private static ImageFacts jpeg(byte[] b) {
        int pos = 2;
        ImageFacts frame = null;
        while (true) {
            if (pos >= b.length) {
                throw corrupt("The JPEG ends inside its header.");
            }
            if ((b[pos] & 0xFF) != 0xFF) {
                throw corrupt("The JPEG header is malformed.");
            }
            while (pos < b.length && (b[pos] & 0xFF) == 0xFF) {
                pos++;
            }
            if (pos >= b.length) {
                throw corrupt("The JPEG ends inside its header.");
            }
            int marker = b[pos++] & 0xFF;
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue;
            }
            if (marker == 0xD9) {
                throw corrupt("The JPEG ends before its image data.");
            }
            if (pos + 2 > b.length) {
                throw corrupt("The JPEG ends inside its header.");
            }
            int length = ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
            if (length < 2 || pos + length > b.length) {
                throw corrupt("The JPEG ends inside its header.");
            }
            if (isStartOfFrame(marker)) {
                if (length < 8) {
                    throw corrupt("The JPEG frame header is malformed.");
                }
                int height = ((b[pos + 3] & 0xFF) << 8) | (b[pos + 4] & 0xFF);
                int width = ((b[pos + 5] & 0xFF) << 8) | (b[pos + 6] & 0xFF);
                frame = new ImageFacts(ImageFormat.JPEG, width, height);
            }
            pos += length;
            if (marker == 0xDA) {
                break;
            }
        }
        if (frame == null) {
            throw corrupt("The JPEG has no frame header.");
        }
        if (!hasEndOfImage(b, pos)) {
            throw corrupt("The JPEG is truncated: it has no end-of-image marker.");
        }
        return frame;
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** In entropy-coded data 0xFF is always followed by 0x00 or a restart marker, so FF D9 is the end. */
    private static boolean hasEndOfImage(byte[] b, int from) {
        for (int i = b.length - 2; i >= from; i--) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xD9) {
                return true;
            }
        }
        return false;
    }

    /** IHDR first (dimensions checked before the rest is walked), then every chunk with its CRC up to IEND. */
    private ImageFacts checkedPng(byte[] b) {
        int pos = PNG_SIGNATURE.length;
        if (pos + 8 + 13 + 4 > b.length || !type(b, pos + 4).equals("IHDR") || readInt(b, pos) != 13) {
            throw corrupt("The PNG has no valid IHDR header.");
        }
        long width = readInt(b, pos + 8) & 0xFFFFFFFFL;
        long height = readInt(b, pos + 12) & 0xFFFFFFFFL;
        if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw corrupt("The PNG header gives impossible dimensions.");
        }
        ImageFacts facts = checked(new ImageFacts(ImageFormat.PNG, (int) width, (int) height));
        while (true) {
            if (pos + 12 > b.length) {
                throw corrupt("The PNG is truncated: it has no IEND chunk.");
            }
            long length = readInt(b, pos) & 0xFFFFFFFFL;
            if (length > b.length - pos - 12L) {
                throw corrupt("The PNG is truncated inside a chunk.");
            }
            int dataEnd = pos + 8 + (int) length;
            CRC32 crc = new CRC32();
            crc.update(b, pos + 4, 4 + (int) length);
            if ((int) crc.getValue() != readInt(b, dataEnd)) {
                throw corrupt("The PNG is damaged: a chunk fails its checksum.");
            }
            String type = type(b, pos + 4);
            pos = dataEnd + 4;
            if (type.equals("IEND")) {
                return facts;
            }
        }
    }

    private static int readInt(byte[] b, int pos) {
        return ((b[pos] & 0xFF) << 24) | ((b[pos + 1] & 0xFF) << 16) | ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
    }

    private static String type(byte[] b, int pos) {
        return new String(b, pos, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static RejectedImageException corrupt(String detail) {
        return new RejectedImageException(Reason.CORRUPT, detail);
    }
}
