package org.kintsugi.shared.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTests {

    static final String OLD_KEY = SecretKeyRing.generate();
    static final String NEW_KEY = SecretKeyRing.generate();

    final Secrets secrets = secrets(OLD_KEY);

    @Test
    void readsBackWhatItEncryptedAndNeverShowsThePlainText() {
        String sealed = secrets.encrypt("ghp_16C7e42F292c6912E7710c838347Ae178B4a");
        assertThat(sealed).startsWith("enc1:").doesNotContain("ghp_16C7e42F292c6912E7710c838347Ae178B4a");
        assertThat(secrets.decrypt(sealed)).isEqualTo("ghp_16C7e42F292c6912E7710c838347Ae178B4a");
    }

    @Test
    void encryptsTheSameSecretDifferentlyEachTime() {
        assertThat(secrets.encrypt("same")).isNotEqualTo(secrets.encrypt("same"));
    }

    @Test
    void leavesNoSecretEmpty() {
        assertThat(secrets.encrypt("")).isEmpty();
        assertThat(secrets.decrypt("")).isEmpty();
    }

    @Test
    void refusesPlainTextAsIfItWereEncrypted() {
        assertThatThrownBy(() -> secrets.decrypt("plain-token"))
                .isInstanceOf(SecretKeyException.class)
                .hasMessageContaining("not encrypted");
    }

    @Nested
    @DisplayName("Rotation")
    class Rotation {

        final Secrets rotated = secrets(NEW_KEY, OLD_KEY);

        @Test
        void theOldKeyStillReadsWhatItEncrypted() {
            String before = secrets.encrypt("glpat-secret");
            assertThat(rotated.decrypt(before)).isEqualTo("glpat-secret");
            assertThat(rotated.isCurrent(before)).isFalse();
        }

        @Test
        void reEncryptionMovesASecretToTheNewKey() {
            String after = rotated.reEncrypt(secrets.encrypt("glpat-secret"));
            assertThat(rotated.isCurrent(after)).isTrue();
            assertThat(after.split(":")[1]).isEqualTo(rotated.primaryKeyId()).isNotEqualTo(secrets.primaryKeyId());
            assertThat(secrets(NEW_KEY).decrypt(after)).isEqualTo("glpat-secret");
        }

        @Test
        void reEncryptionEncryptsPlainTextOfEarlierVersions() {
            String after = rotated.reEncrypt("jira-api-token");
            assertThat(after).startsWith("enc1:" + rotated.primaryKeyId() + ":");
            assertThat(rotated.decrypt(after)).isEqualTo("jira-api-token");
        }

        @Test
        void withoutTheOldKeyTheErrorNamesTheSetting() {
            String before = secrets.encrypt("glpat-secret");
            assertThatThrownBy(() -> secrets(NEW_KEY).decrypt(before))
                    .isInstanceOf(SecretKeyException.class)
                    .hasMessageContaining(secrets.primaryKeyId())
                    .hasMessageContaining("KINTSUGI_SECRET_KEY")
                    .hasMessageContaining("KINTSUGI_SECRET_OLD_KEYS");
        }
    }

    @Nested
    @DisplayName("Tampering")
    class Tampering {

        @Test
        void aChangedCiphertextIsDetected() {
            String sealed = secrets.encrypt("hook-secret");
            int at = sealed.lastIndexOf(':') + 20;
            char flipped = sealed.charAt(at) == 'A' ? 'B' : 'A';
            String changed = sealed.substring(0, at) + flipped + sealed.substring(at + 1);
            assertThatThrownBy(() -> secrets.decrypt(changed))
                    .isInstanceOf(SecretKeyException.class)
                    .hasMessageContaining("changed after it was encrypted");
        }

        @Test
        void aCiphertextMovedUnderAnotherKeyIdIsDetected() {
            Secrets both = secrets(NEW_KEY, OLD_KEY);
            String sealed = both.encrypt("hook-secret");
            String relabelled = sealed.replace(both.primaryKeyId(), secrets.primaryKeyId());
            assertThatThrownBy(() -> both.decrypt(relabelled)).isInstanceOf(SecretKeyException.class);
        }

        @Test
        void aTruncatedCiphertextIsDetected() {
            String sealed = secrets.encrypt("hook-secret");
            assertThatThrownBy(() -> secrets.decrypt(sealed.substring(0, sealed.length() - 8)))
                    .isInstanceOf(SecretKeyException.class);
        }
    }

    @Nested
    @DisplayName("Keys")
    class Keys {

        @Test
        void aKeyMustBe256BitsInBase64() {
            String short128 = Base64.getEncoder().encodeToString(new byte[16]);
            assertThatThrownBy(() -> SecretKeyRing.of("KINTSUGI_SECRET_KEY", List.of(short128)))
                    .hasMessageContaining("KINTSUGI_SECRET_KEY")
                    .hasMessageContaining("128 bits")
                    .hasMessageContaining("256 bits");
            assertThatThrownBy(() -> SecretKeyRing.of("KINTSUGI_SECRET_KEY", List.of("not base64!")))
                    .hasMessageContaining("not base64");
        }

        @Test
        void theKeyFileIsCreatedOnceReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("data/secret.key");
            List<String> first = SecretKeyFile.readOrCreate(file);
            assertThat(first).hasSize(1);
            assertThat(Base64.getDecoder().decode(first.getFirst())).hasSize(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(SecretKeyFile.readOrCreate(file)).isEqualTo(first);
        }
    }

    static Secrets secrets(String... keys) {
        return new Secrets(SecretKeyRing.of("test keys", List.of(keys)));
    }
}
