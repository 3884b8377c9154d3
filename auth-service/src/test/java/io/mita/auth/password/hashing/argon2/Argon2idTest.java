package io.mita.auth.password.hashing.argon2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class Argon2idTest {

    @Test
    void computesTheArgon2idTestVectorOfRfc9106() {
        // RFC 9106 §5.3: m = 32 KiB, t = 3, p = 4, 32-byte tag, with a secret and associated data
        Argon2Cost cost = new Argon2Cost(32, 3, 4, 32);
        byte[] password = filled(32, 0x01);
        byte[] salt = filled(16, 0x02);
        byte[] secret = filled(8, 0x03);
        byte[] associatedData = filled(12, 0x04);

        byte[] tag = Argon2id.hash(password, salt, secret, associatedData, cost, new Argon2id.Workspace(cost));

        assertThat(HexFormat.of().formatHex(tag))
                .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    @Test
    void agreesWithBouncyCastleForRandomInputsAndCosts() {
        Random random = new Random(9106);
        for (int run = 0; run < 40; run++) {
            int lanes = 1 + random.nextInt(4);
            Argon2Cost cost = new Argon2Cost(
                    8 * lanes + random.nextInt(600), 1 + random.nextInt(3), lanes, 4 + random.nextInt(150));
            byte[] password = randomBytes(random, random.nextInt(80));
            byte[] salt = randomBytes(random, 8 + random.nextInt(24));

            assertThat(Argon2id.hash(password, salt, cost, new Argon2id.Workspace(cost)))
                    .as("run %d, %s", run, cost)
                    .isEqualTo(bouncyCastle(password, salt, cost));
        }
    }

    @Test
    void agreesWithBouncyCastleAtTheParametersAuthServiceStoresPasswordsWith() {
        Argon2Cost cost = new Argon2Cost(19_456, 2, 1, 32);
        byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
        byte[] salt = filled(16, 0x5a);

        assertThat(Argon2id.hash(password, salt, cost, new Argon2id.Workspace(cost)))
                .isEqualTo(bouncyCastle(password, salt, cost));
    }

    @Test
    void aReusedWorkspaceGivesTheSameTagAsAFreshOneWhetherWipedOrNot() {
        Argon2Cost cost = new Argon2Cost(256, 2, 2, 32);
        Argon2id.Workspace workspace = new Argon2id.Workspace(cost);
        byte[] expected = Argon2id.hash(bytes("first password"), filled(16, 1), cost, new Argon2id.Workspace(cost));

        Argon2id.hash(bytes("another password"), filled(16, 2), cost, workspace);
        byte[] afterDirtyReuse = Argon2id.hash(bytes("first password"), filled(16, 1), cost, workspace);
        workspace.wipe();
        byte[] afterWipe = Argon2id.hash(bytes("first password"), filled(16, 1), cost, workspace);

        assertThat(afterDirtyReuse).isEqualTo(expected);
        assertThat(afterWipe).isEqualTo(expected);
    }

    @Test
    void refusesAWorkspaceTooSmallForTheCost() {
        Argon2id.Workspace small = new Argon2id.Workspace(new Argon2Cost(64, 1, 1, 32));

        assertThatThrownBy(() -> Argon2id.hash(bytes("pw"), filled(16, 1), new Argon2Cost(128, 1, 1, 32), small))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("workspace too small");
    }

    @Test
    void refusesParametersOutsideTheRfc() {
        assertThatThrownBy(() -> new Argon2Cost(7, 1, 1, 32)).hasMessageContaining("memory");
        assertThatThrownBy(() -> new Argon2Cost(64, 0, 1, 32)).hasMessageContaining("pass");
        assertThatThrownBy(() -> new Argon2Cost(64, 1, 0, 32)).hasMessageContaining("parallelism");
        assertThatThrownBy(() -> new Argon2Cost(64, 1, 1, 3)).hasMessageContaining("4 bytes");
    }

    private static byte[] bouncyCastle(byte[] password, byte[] salt, Argon2Cost cost) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKib())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build());
        byte[] tag = new byte[cost.hashLength()];
        generator.generateBytes(password, tag);
        return tag;
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
