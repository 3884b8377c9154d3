package io.mita.ocr.image;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Images for upload tests, good and bad, made in memory. */
public final class TestImages {

    private TestImages() {}

    public static byte[] png(int width, int height) {
        return encode(picture(width, height), "png");
    }

    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height), "jpeg");
    }

    /** A JPEG cut off in the middle of its image data. */
    public static byte[] truncatedJpeg() {
        byte[] whole = jpeg(400, 600);
        return Arrays.copyOf(whole, whole.length * 6 / 10);
    }

    public static byte[] text() {
        return "Lidl 23.47 EUR\nthis is not an image\n".getBytes(StandardCharsets.UTF_8);
    }

    /** A valid PNG header (signature, IHDR with its CRC) announcing width × height, then one empty IDAT and IEND. */
    public static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A clean, well-lit receipt photo (JPEG) with these lines, for pipeline tests that need a sure read. */
    public static byte[] receipt(String... lines) {
        BufferedImage image = new BufferedImage(900, 160 + 64 * lines.length, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font("DejaVu Sans Mono", Font.PLAIN, 36));
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 60, 100 + 64 * i);
        }
        g.dispose();
        return encode(image, "jpeg");
    }

    /** White paper with a few lines of text, so the image is also a (poor) receipt. */
    public static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font("DejaVu Sans Mono", Font.PLAIN, Math.max(8, height / 30)));
        if (height > 40) {
            g.drawString("CORNER SHOP", 10, height / 10);
            g.drawString("TOTAL 12.50", 10, height / 2);
        }
        g.dispose();
        return image;
    }

    public static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
