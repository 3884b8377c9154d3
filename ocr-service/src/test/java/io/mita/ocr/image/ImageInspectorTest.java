package io.mita.ocr.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.ocr.image.RejectedImageException.Reason;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageInspectorTest {

    private final ImageInspector inspector = new ImageInspector(40_000_000, 64);

    @Test
    void readsTheDimensionsOfAJpegFromItsHeader() {
        ImageFacts facts = inspector.inspect(TestImages.jpeg(640, 1280));

        assertThat(facts).isEqualTo(new ImageFacts(ImageFormat.JPEG, 640, 1280));
    }

    @Test
    void readsTheDimensionsOfAPngFromItsHeader() {
        ImageFacts facts = inspector.inspect(TestImages.png(300, 900));

        assertThat(facts).isEqualTo(new ImageFacts(ImageFormat.PNG, 300, 900));
    }

    @Test
    void recognisesTheTypeByMagicBytesNotByWhatItClaims() {
        // a PNG "renamed .jpg": the bytes say PNG, so it is a PNG
        assertThat(inspector.inspect(TestImages.png(200, 200)).format()).isEqualTo(ImageFormat.PNG);
    }

    @Test
    void refusesATextFileWhateverItIsCalled() {
        assertRejected(TestImages.text(), Reason.UNSUPPORTED_TYPE);
    }

    @Test
    void refusesOtherImageFormats() {
        assertRejected("GIF89a....".getBytes(), Reason.UNSUPPORTED_TYPE);
        assertRejected(new byte[] {'B', 'M', 0, 0, 0, 0}, Reason.UNSUPPORTED_TYPE);
        assertRejected(new byte[] {(byte) 0xFF, (byte) 0xD8}, Reason.UNSUPPORTED_TYPE);
    }

    @Test
    void refusesATruncatedJpeg() {
        assertRejected(TestImages.truncatedJpeg(), Reason.CORRUPT);
    }

    @Test
    void refusesAJpegCutInsideItsHeader() {
        byte[] jpeg = TestImages.jpeg(200, 200);
        assertRejected(Arrays.copyOf(jpeg, 40), Reason.CORRUPT);
    }

    @Test
    void refusesATruncatedPng() {
        byte[] png = TestImages.png(300, 300);
        assertRejected(Arrays.copyOf(png, png.length - 20), Reason.CORRUPT);
    }

    @Test
    void refusesAPngWhoseChunkFailsItsChecksum() {
        byte[] png = TestImages.png(300, 300);
        png[png.length / 2] ^= 0x5A;
        assertRejected(png, Reason.CORRUPT);
    }

    @Test
    void refusesAOneByOneImage() {
        assertRejected(TestImages.png(1, 1), Reason.TOO_SMALL);
        assertRejected(TestImages.jpeg(1, 1), Reason.TOO_SMALL);
    }

    @Test
    void refusesA50000By50000PngFromItsHeaderAlone() {
        byte[] bomb = TestImages.pngHeader(50_000, 50_000);

        assertThat(bomb.length).isLessThan(100);
        assertRejected(bomb, Reason.TOO_MANY_PIXELS);
    }

    @Test
    void acceptsExactlyTheLimitAndNotOnePixelMore() {
        ImageInspector small = new ImageInspector(200 * 300, 64);
        assertThat(small.inspect(TestImages.pngHeader(200, 300)).pixels()).isEqualTo(60_000);
        assertThatThrownBy(() -> small.inspect(TestImages.pngHeader(201, 300)))
                .isInstanceOfSatisfying(
                        RejectedImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS));
    }

    @Test
    void refusesAnEmptyFileAsNoImage() {
        assertRejected(new byte[0], Reason.UNSUPPORTED_TYPE);
    }

    private void assertRejected(byte[] bytes, Reason reason) {
        assertThatThrownBy(() -> inspector.inspect(bytes))
                .isInstanceOfSatisfying(
                        RejectedImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
