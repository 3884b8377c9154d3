package io.mita.audit.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Crypto-shredding (GDPR Art. 17 without breaking the chain): the data of every event is sealed with a key of its
 * subject (AES-256-GCM, a fresh 12-byte nonce per event, the event id as associated data), stored as {@code
 * nonce || ciphertext+tag}. Subject keys are stored wrapped by the master key ({@code AUDIT_MASTER_KEY}, AES-256-GCM,
 * the subject as associated data), never in clear. Destroying a subject's wrapped key makes all of their events'
 * data unreadable for good, while the sealed bytes (which the chain covers) stay and still verify.
 */
@Component
public class SubjectSealing {

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec masterKey;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    SubjectSealing(PrivacyProperties properties) {
        this(properties.masterKey());
    }

    public SubjectSealing(String base64MasterKey) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64MasterKey == null ? "" : base64MasterKey.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("AUDIT_MASTER_KEY is not base64", e);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("AUDIT_MASTER_KEY must be 32 bytes (AES-256), base64");
        }
        this.masterKey = new SecretKeySpec(key, "AES");
    }

    /** A new random key for {@code subject}, wrapped by the master key: what {@code subject_key} stores. */
    public byte[] newWrappedKey(String subject) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return encrypt(masterKey, key, subject.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] seal(byte[] wrappedKey, String subject, UUID eventId, String dataJson) {
        return encrypt(unwrap(wrappedKey, subject), dataJson.getBytes(StandardCharsets.UTF_8), bytes(eventId));
    }

    public String open(byte[] wrappedKey, String subject, UUID eventId, byte[] sealed) {
        return new String(decrypt(unwrap(wrappedKey, subject), sealed, bytes(eventId)), StandardCharsets.UTF_8);
    }

    private SecretKeySpec unwrap(byte[] wrappedKey, String subject) {
        return new SecretKeySpec(decrypt(masterKey, wrappedKey, subject.getBytes(StandardCharsets.UTF_8)), "AES");
    }

    private byte[] encrypt(SecretKeySpec key, byte[] plain, byte[] associated) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated);
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    private static byte[] decrypt(SecretKeySpec key, byte[] sealed, byte[] associated) {
        if (sealed == null || sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SealedDataException("sealed value too short");
        }
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associated);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new SealedDataException("sealed value does not open with this key: changed or another key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM opening failed", e);
        }
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }

    /** A sealed value or a wrapped key that does not open: tampered with, or sealed under another key. */
    public static class SealedDataException extends RuntimeException {
        SealedDataException(String message) {
            super(message);
        }
    }
}
