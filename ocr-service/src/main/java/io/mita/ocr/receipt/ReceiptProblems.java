package io.mita.ocr.receipt;

import io.mita.common.problem.ProblemException;
import io.mita.ocr.image.RejectedImageException;
import org.springframework.http.HttpStatus;

/** The problems of the receipt endpoints, one stable code each (docs/ocr.md, "Errors"). */
final class ReceiptProblems {

    private ReceiptProblems() {}

    static final class FileMissingException extends ProblemException {
        FileMissingException() {
            super(
                    HttpStatus.BAD_REQUEST,
                    "OCR_FILE_MISSING",
                    "No file",
                    "Send the receipt image as the multipart/form-data part named \"file\".");
        }
    }

    static final class TooManyFilesException extends ProblemException {
        TooManyFilesException() {
            super(
                    HttpStatus.BAD_REQUEST,
                    "OCR_TOO_MANY_FILES",
                    "More than one file",
                    "Send exactly one receipt image per request.");
        }
    }

    static final class EmptyFileException extends ProblemException {
        EmptyFileException() {
            super(HttpStatus.BAD_REQUEST, "OCR_FILE_EMPTY", "Empty file", "The \"file\" part has no content.");
        }
    }

    static final class ImageTooLargeException extends ProblemException {
        ImageTooLargeException(long maxBytes) {
            super(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "OCR_IMAGE_TOO_LARGE",
                    "Image too large",
                    "A receipt image may have at most " + maxBytes + " bytes.");
        }
    }

    static final class RejectedImageProblem extends ProblemException {
        RejectedImageProblem(RejectedImageException rejected) {
            super(status(rejected.reason()), code(rejected.reason()), title(rejected.reason()), rejected.getMessage());
        }

        private static HttpStatus status(RejectedImageException.Reason reason) {
            return reason == RejectedImageException.Reason.UNSUPPORTED_TYPE
                    ? HttpStatus.UNSUPPORTED_MEDIA_TYPE
                    : HttpStatus.UNPROCESSABLE_CONTENT;
        }

        private static String code(RejectedImageException.Reason reason) {
            return switch (reason) {
                case UNSUPPORTED_TYPE -> "OCR_UNSUPPORTED_IMAGE_TYPE";
                case CORRUPT -> "OCR_IMAGE_CORRUPT";
                case TOO_MANY_PIXELS -> "OCR_IMAGE_TOO_MANY_PIXELS";
                case TOO_SMALL -> "OCR_IMAGE_TOO_SMALL";
            };
        }

        private static String title(RejectedImageException.Reason reason) {
            return switch (reason) {
                case UNSUPPORTED_TYPE -> "Not a JPEG or PNG image";
                case CORRUPT -> "Damaged image";
                case TOO_MANY_PIXELS -> "Image has too many pixels";
                case TOO_SMALL -> "Image too small";
            };
        }
    }

    static final class OcrUnavailableException extends ProblemException {
        private final long retryAfterSeconds;

        OcrUnavailableException(long retryAfterSeconds) {
            super(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "OCR_UNAVAILABLE",
                    "Receipt recognition unavailable",
                    "Receipt recognition is failing at the moment; try again in " + retryAfterSeconds + " s.");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    static final class NotProcessedException extends ProblemException {
        NotProcessedException(String status) {
            super(
                    HttpStatus.CONFLICT,
                    "OCR_RECEIPT_NOT_PROCESSED",
                    "Receipt not processed yet",
                    "The receipt is " + status + "; confirm it once it is PROCESSED (or FAILED, with corrections).");
        }
    }

    static final class AlreadyConfirmedException extends ProblemException {
        AlreadyConfirmedException() {
            super(
                    HttpStatus.CONFLICT,
                    "OCR_RECEIPT_ALREADY_CONFIRMED",
                    "Receipt already confirmed",
                    "The receipt was confirmed with other values; a confirmation cannot be changed.");
        }
    }

    static final class IncompleteConfirmationException extends ProblemException {
        IncompleteConfirmationException(String missing) {
            super(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "OCR_CONFIRMATION_INCOMPLETE",
                    "Confirmation incomplete",
                    "Nothing was read for " + missing + ": send it as a correction.");
        }
    }

    static final class InvalidConfirmationException extends ProblemException {
        InvalidConfirmationException(String detail) {
            super(HttpStatus.BAD_REQUEST, "OCR_INVALID_CONFIRMATION", "Invalid confirmation", detail);
        }
    }
}
