package io.mita.ocr.engine;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The few functions of Tesseract's C API ({@code capi.h}, system {@code libtesseract.so.5}) that the in-process
 * engine needs, mapped with JNA. Not Tess4J: it maps the same library the same way, but brings PDFBox, jboss-vfs,
 * lept4j and a Logback 1.3 into the service for nothing the pipeline uses (docs/ocr.md).
 */
interface TesseractLibrary extends Library {

    Pointer TessBaseAPICreate();

    void TessBaseAPIDelete(Pointer handle);

    /** 0 on success; {@code dataPath} null = Tesseract's default tessdata. */
    int TessBaseAPIInit3(Pointer handle, String dataPath, String language);

    void TessBaseAPISetPageSegMode(Pointer handle, int mode);

    int TessBaseAPISetVariable(Pointer handle, String name, String value);

    /** Tesseract copies the pixels into its own image. */
    void TessBaseAPISetImage(Pointer handle, byte[] pixels, int width, int height, int bytesPerPixel, int bytesPerLine);

    /** 0 on success, -1 when it failed or was cancelled (deadline or cancel function). */
    int TessBaseAPIRecognize(Pointer handle, Pointer monitor);

    Pointer TessBaseAPIGetTsvText(Pointer handle, int pageNumber);

    void TessDeleteText(Pointer text);

    /** Forgets the image and the results, keeps the loaded model. */
    void TessBaseAPIClear(Pointer handle);

    Pointer TessMonitorCreate();

    void TessMonitorDelete(Pointer monitor);

    /** The recognition stops at the next word once this many milliseconds from now have passed. */
    void TessMonitorSetDeadlineMSecs(Pointer monitor, int milliseconds);

    void TessMonitorSetCancelFunc(Pointer monitor, CancelFunction function);

    /** {@code bool (*TessCancelFunc)(void* cancel_this, int words)}: true stops the recognition. */
    interface CancelFunction extends Callback {
        boolean invoke(Pointer cancelThis, int words);
    }

    /** libc's {@code setenv}, to give libgomp its thread limit before libtesseract loads it. */
    interface C extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /**
     * Loads libtesseract with {@code OMP_THREAD_LIMIT=1} (unless the environment already sets it): libgomp reads
     * the variable once, when it is loaded, and one OpenMP thread per image was measured faster on two cores
     * (docs/ocr.md), as for the command.
     */
    static TesseractLibrary load() {
        Native.load("c", C.class).setenv("OMP_THREAD_LIMIT", "1", 0);
        return Native.load("tesseract", TesseractLibrary.class);
    }
}
