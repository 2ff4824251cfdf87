package dev.pave.workflows.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretBoxRotationTest {

  private static final String OLD_KEY = SecretBox.newKeyBase64();
  private static final String NEW_KEY = SecretBox.newKeyBase64();
  private static final byte[] PLAIN = "owner password".getBytes(StandardCharsets.UTF_8);

  @Test
  void aRotatedBoxOpensWhatThePreviousKeySealedAndSealsWithTheNewOne() {
    byte[] sealedBefore = SecretBox.fromBase64(OLD_KEY).seal(PLAIN, "workspace:orders");
    SecretBox rotated = SecretBox.fromBase64(NEW_KEY).withPreviousKeys(List.of(OLD_KEY));

    assertThat(rotated.open(sealedBefore, "workspace:orders")).isEqualTo(PLAIN);
    byte[] sealedAfter = rotated.seal(PLAIN, "workspace:orders");
    assertThat(SecretBox.fromBase64(NEW_KEY).open(sealedAfter, "workspace:orders")).isEqualTo(PLAIN);
    assertThatThrownBy(() -> SecretBox.fromBase64(OLD_KEY).open(sealedAfter, "workspace:orders"))
        .as("new data is sealed with the new key only").isInstanceOf(IllegalStateException.class);
  }

  @Test
  void resealingMovesOldDataOntoTheCurrentKeyAndLeavesCurrentDataAlone() {
    SecretBox rotated = SecretBox.fromBase64(NEW_KEY).withPreviousKeys(List.of(OLD_KEY));
    byte[] old = SecretBox.fromBase64(OLD_KEY).seal(PLAIN, "req_1");

    byte[] moved = rotated.resealed(old, "req_1").orElseThrow();
    assertThat(SecretBox.fromBase64(NEW_KEY).open(moved, "req_1")).isEqualTo(PLAIN);
    assertThat(rotated.resealed(moved, "req_1")).as("already on the current key").isEmpty();
  }

  @Test
  void aPreviousKeyDoesNotLoosenTheContextBinding() {
    SecretBox rotated = SecretBox.fromBase64(NEW_KEY).withPreviousKeys(List.of(OLD_KEY));
    byte[] old = SecretBox.fromBase64(OLD_KEY).seal(PLAIN, "req_1");

    assertThatThrownBy(() -> rotated.open(old, "req_2")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> SecretBox.fromBase64(NEW_KEY).open(old, "req_1"))
        .as("without the previous key configured, old data does not open").isInstanceOf(IllegalStateException.class);
  }
}
