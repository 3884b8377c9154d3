package io.mita.ocr.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Prepares a receipt photo for OCR with Java2D: grayscale, scale (small images up so text has enough
 * pixels, huge ones down so Tesseract does not spend seconds on paper texture), crop to the receipt,
 * deskew, adaptive threshold. Each step can be switched off (configuration; the benchmark measures each
 * one's effect: docs/ocr.md). Plain Java, no Spring.
 */
public final class Preprocessing {

    public enum Step {
        GRAYSCALE,
        SCALE,
        CROP,
        DESKEW,
        THRESHOLD
    }

    /** Narrower images are scaled up to this width; text on receipts is then about 25–35 px high. */
    static final int MIN_WIDTH = 1000;
    /** Wider images are scaled down to this width. */
    static final int MAX_WIDTH = 2000;

    /**
     * Smaller enlargements are skipped: interpolating 10–20 % more pixels adds no detail, Tesseract scales each
     * text line to its own height anyway, and it reads every extra pixel (measured: docs/ocr.md, "Where the time
     * goes").
     */
    static final double MIN_UPSCALE = 1.25;

    /** The skew is estimated on a sample about this many pixels wide (the angle does not need every pixel). */
    static final int SKEW_SAMPLE_WIDTH = 300;

    private final Set<Step> steps;

    public Preprocessing(Set<Step> steps) {
        this.steps = steps.isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(steps);
    }

    public static Preprocessing all() {
        return new Preprocessing(EnumSet.allOf(Step.class));
    }

    public Set<Step> steps() {
        return EnumSet.copyOf(steps.isEmpty() ? EnumSet.noneOf(Step.class) : steps);
    }

    /** Decodes an image that {@link ImageInspector} accepted; a file that still does not decode is CORRUPT. */
    public static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new RejectedImageException(RejectedImageException.Reason.CORRUPT, "The image cannot be decoded.");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof RejectedImageException rejected) {
                throw rejected;
            }
            throw new RejectedImageException(
                    RejectedImageException.Reason.CORRUPT, "The image cannot be decoded: " + e.getMessage());
        }
    }

    public BufferedImage prepare(BufferedImage image) {
        BufferedImage result =
                steps.contains(Step.GRAYSCALE) || steps.contains(Step.THRESHOLD) ? grayscale(image) : image;
        if (steps.contains(Step.SCALE)) {
            result = scale(result);
        }
        if (steps.contains(Step.CROP)) {
            result = crop(grayscale(result));
        }
        if (steps.contains(Step.DESKEW)) {
            result = deskew(grayscale(result));
        }
        if (steps.contains(Step.THRESHOLD)) {
            result = threshold(grayscale(result));
        }
        return result;
    }

    public static BufferedImage grayscale(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return gray;
    }

    static BufferedImage scale(BufferedImage image) {
        int width = image.getWidth();
        double factor;
        if (width < MIN_WIDTH) {
            factor = Math.min(3.0, (double) MIN_WIDTH / width);
            if (factor < MIN_UPSCALE) {
                return image;
            }
        } else if (width > MAX_WIDTH) {
            factor = (double) MAX_WIDTH / width;
        } else {
            return image;
        }
        int w = Math.max(1, (int) Math.round(width * factor));
        int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage scaled =
                new BufferedImage(w, h, image.getType() == 0 ? BufferedImage.TYPE_INT_RGB : image.getType());
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(
                RenderingHints.KEY_INTERPOLATION,
                factor > 1 ? RenderingHints.VALUE_INTERPOLATION_BICUBIC : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return scaled;
    }

    /**
     * Crops to the bright paper: the longest run of rows and of columns in which most pixels are brighter
     * than the image's Otsu threshold, plus a margin. Left as it is when that covers nearly everything
     * (a scan) or too little to be a receipt.
     */
    static BufferedImage crop(BufferedImage gray) {
        int width = gray.getWidth();
        int height = gray.getHeight();
        byte[] pixels = pixels(gray);
        int threshold = otsu(pixels);
        int[] brightInRow = new int[height];
        int[] brightInColumn = new int[width];
        for (int y = 0; y < height; y++) {
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                if ((pixels[offset + x] & 0xFF) > threshold) {
                    brightInRow[y]++;
                    brightInColumn[x]++;
                }
            }
        }
        // relative to the brightest row/column: paper that fills only part of the photo still counts
        int[] rows = longestRun(brightInRow, max(brightInRow) * 0.5);
        int[] columns = longestRun(brightInColumn, max(brightInColumn) * 0.5);
        int cropWidth = columns[1] - columns[0];
        int cropHeight = rows[1] - rows[0];
        if (cropWidth < width * 0.2
                || cropHeight < height * 0.2
                || ((long) cropWidth * cropHeight) > 0.9 * width * height) {
            return gray;
        }
        int margin = Math.max(4, width / 100);
        int x0 = Math.max(0, columns[0] - margin);
        int y0 = Math.max(0, rows[0] - margin);
        int x1 = Math.min(width, columns[1] + margin);
        int y1 = Math.min(height, rows[1] + margin);
        return copy(gray.getSubimage(x0, y0, x1 - x0, y1 - y0));
    }

    private static int max(int[] counts) {
        int max = 0;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        return max;
    }

    private static int[] longestRun(int[] counts, double minimum) {
        int bestStart = 0;
        int bestEnd = counts.length;
        int bestLength = -1;
        int start = -1;
        for (int i = 0; i <= counts.length; i++) {
            boolean bright = i < counts.length && counts[i] > minimum;
            if (bright && start < 0) {
                start = i;
            } else if (!bright && start >= 0) {
                if (i - start > bestLength) {
                    bestLength = i - start;
                    bestStart = start;
                    bestEnd = i;
                }
                start = -1;
            }
        }
        return bestLength < 0 ? new int[] {0, counts.length} : new int[] {bestStart, bestEnd};
    }

    /**
     * Finds the skew by projection profiles: on a reduced copy, the angle (±8°, 0.5° steps) at which the
     * rows of dark pixels are most sharply separated; rotates the image back by it.
     */
    static BufferedImage deskew(BufferedImage gray) {
        double angle = skewAngle(gray);
        if (Math.abs(angle) < 0.25) {
            return gray;
        }
        return rotate(gray, -Math.toRadians(angle));
    }

    public static double skewAngle(BufferedImage gray) {
        int width = gray.getWidth();
        int height = gray.getHeight();
        int step = Math.max(1, width / SKEW_SAMPLE_WIDTH);
        byte[] pixels = pixels(gray);
        int threshold = otsu(pixels);
        int count = 0;
        int[] xs = new int[(width / step + 1) * (height / step + 1)];
        int[] ys = new int[xs.length];
        for (int y = 0; y < height; y += step) {
            for (int x = 0; x < width; x += step) {
                if ((pixels[y * width + x] & 0xFF) <= threshold) {
                    xs[count] = x;
                    ys[count] = y;
                    count++;
                }
            }
        }
        if (count < 50) {
            return 0;
        }
        double bestAngle = 0;
        double bestScore = -1;
        int bins = height / step + width / step + 2;
        for (double angle = -8; angle <= 8.0001; angle += 0.5) {
            double radians = Math.toRadians(angle);
            double sin = Math.sin(radians);
            double cos = Math.cos(radians);
            int[] histogram = new int[2 * bins];
            for (int i = 0; i < count; i++) {
                int bin = (int) ((ys[i] * cos - xs[i] * sin) / step) + bins;
                if (bin >= 0 && bin < histogram.length) {
                    histogram[bin]++;
                }
            }
            double score = 0;
            for (int i = 1; i < histogram.length; i++) {
                double d = histogram[i] - histogram[i - 1];
                score += d * d;
            }
            if (score > bestScore) {
                bestScore = score;
                bestAngle = angle;
            }
        }
        return bestAngle;
    }

    /** Rotates about the centre onto a white canvas big enough to hold the whole rotated image. */
    public static BufferedImage rotate(BufferedImage image, double radians) {
        double sin = Math.abs(Math.sin(radians));
        double cos = Math.abs(Math.cos(radians));
        int w = image.getWidth();
        int h = image.getHeight();
        int newWidth = (int) Math.floor(w * cos + h * sin + 0.5);
        int newHeight = (int) Math.floor(h * cos + w * sin + 0.5);
        BufferedImage rotated = new BufferedImage(newWidth, newHeight, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = rotated.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, newWidth, newHeight);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform transform = new AffineTransform();
        transform.translate(newWidth / 2.0, newHeight / 2.0);
        transform.rotate(radians);
        transform.translate(-w / 2.0, -h / 2.0);
        g.drawImage(image, transform, null);
        g.dispose();
        return rotated;
    }

    /**
     * Bradley's adaptive threshold (integral image, window of 1/16 of the width, 15 %): survives uneven
     * light and faded thermal print better than one global threshold.
     */
    static BufferedImage threshold(BufferedImage gray) {
        int width = gray.getWidth();
        int height = gray.getHeight();
        byte[] pixels = pixels(gray);
        long[] integral = new long[(width + 1) * (height + 1)];
        for (int y = 0; y < height; y++) {
            long rowSum = 0;
            for (int x = 0; x < width; x++) {
                rowSum += pixels[y * width + x] & 0xFF;
                integral[(y + 1) * (width + 1) + x + 1] = integral[y * (width + 1) + x + 1] + rowSum;
            }
        }
        int half = Math.max(8, width / 32);
        BufferedImage binary = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = pixels(binary);
        for (int y = 0; y < height; y++) {
            int y0 = Math.max(0, y - half);
            int y1 = Math.min(height, y + half + 1);
            for (int x = 0; x < width; x++) {
                int x0 = Math.max(0, x - half);
                int x1 = Math.min(width, x + half + 1);
                long sum = integral[y1 * (width + 1) + x1]
                        - integral[y0 * (width + 1) + x1]
                        - integral[y1 * (width + 1) + x0]
                        + integral[y0 * (width + 1) + x0];
                long area = (long) (x1 - x0) * (y1 - y0);
                int value = pixels[y * width + x] & 0xFF;
                out[y * width + x] = (byte) (value * area * 100 < sum * 85 ? 0 : 255);
            }
        }
        return binary;
    }

    public static BufferedImage rotate180(BufferedImage image) {
        return rotate(grayscale(image), Math.PI);
    }

    static int otsu(byte[] pixels) {
        long[] histogram = new long[256];
        for (byte p : pixels) {
            histogram[p & 0xFF]++;
        }
        long total = pixels.length;
        double sum = 0;
        for (int i = 0; i < 256; i++) {
            sum += (double) i * histogram[i];
        }
        double sumBackground = 0;
        long background = 0;
        double bestVariance = -1;
        int best = 127;
        for (int t = 0; t < 256; t++) {
            background += histogram[t];
            if (background == 0) {
                continue;
            }
            long foreground = total - background;
            if (foreground == 0) {
                break;
            }
            sumBackground += (double) t * histogram[t];
            double meanBackground = sumBackground / background;
            double meanForeground = (sum - sumBackground) / foreground;
            double variance = (double) background
                    * foreground
                    * (meanBackground - meanForeground)
                    * (meanBackground - meanForeground);
            if (variance > bestVariance) {
                bestVariance = variance;
                best = t;
            }
        }
        return best;
    }

    private static byte[] pixels(BufferedImage gray) {
        return ((java.awt.image.DataBufferByte) gray.getRaster().getDataBuffer()).getData();
    }

    private static BufferedImage copy(BufferedImage sub) {
        BufferedImage copy = new BufferedImage(sub.getWidth(), sub.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = copy.createGraphics();
        g.drawImage(sub, 0, 0, null);
        g.dispose();
        return copy;
    }
}
