package io.mita.audit.integrity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key pair of the digests (the JDK's own EdDSA). The service holds the private key, the database never
 * sees it: whoever can rewrite rows still cannot sign a digest. The two halves are checked against each other at
 * startup. The key id is the first 16 hex digits of SHA-256 over the public key's X.509 encoding.
 */
@Component
public class DigestKeys {

    public static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    @Autowired
    DigestKeys(IntegrityProperties properties) {
        this(properties.signingPrivateKey(), properties.signingPublicKey());
    }

    DigestKeys(String privateKeyBase64, String publicKeyBase64) {
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            this.privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(decode("private", privateKeyBase64)));
            this.publicKey = factory.generatePublic(new X509EncodedKeySpec(decode("public", publicKeyBase64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the digest signing keys are not an Ed25519 key pair: " + e.getMessage(), e);
        }
        byte[] probe = "mita-audit-key-check".getBytes(StandardCharsets.UTF_8);
        if (!verify(publicKey, probe, sign(probe))) {
            throw new IllegalStateException(
                    "AUDIT_DIGEST_SIGNING_PUBLIC_KEY is not the public half of AUDIT_DIGEST_SIGNING_PRIVATE_KEY");
        }
        this.keyId = keyId(publicKey);
    }

    byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a digest", e);
        }
    }

    boolean verify(byte[] message, byte[] signatureBytes) {
        return verify(publicKey, message, signatureBytes);
    }

    String keyId() {
        return keyId;
    }

    PublicKey publicKey() {
        return publicKey;
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
        if (signatureBytes == null) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public static String keyId(PublicKey key) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(sha, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String which, String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException("no Ed25519 " + which + " key configured for the audit digests");
        }
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the Ed25519 " + which + " key of the audit digests is not base64", e);
        }
    }
}
