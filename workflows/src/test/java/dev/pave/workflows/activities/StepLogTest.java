package dev.pave.workflows.activities;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class StepLogTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void showsEachEventAsTerraformWouldHavePrintedItWithDiagnosticDetail() throws Exception {
    StepLog log = new StepLog(new SecretMask());
    log.event(JSON.readTree("{\"@message\": \"terraform_data.x: Plan to create\", \"type\": \"planned_change\"}"));
    log.event(JSON.readTree("{\"@message\": \"Error: Invalid value for variable\", \"type\": \"diagnostic\","
        + " \"diagnostic\": {\"severity\": \"error\", \"detail\": \"database_name must be 3 to 57 characters.\"}}"));
    assertThat(log.kept()).isEqualTo(new StepLog.Kept("terraform_data.x: Plan to create\n"
        + "Error: Invalid value for variable\ndatabase_name must be 3 to 57 characters.", false));
  }

  @Test
  void masksSecretsKnownAtTheLineAndThoseLearnedLater() {
    StepLog log = new StepLog(new SecretMask().add("known-secret"));
    log.text("env: known-secret");
    log.text("printed: later-secret");
    log.mask().add("later-secret");
    assertThat(log.kept().output()).isEqualTo("env: (masked)\nprinted: (masked)");
  }

  @Test
  void keepsTheTailWithinItsBoundAndSaysSo() {
    StepLog log = new StepLog(new SecretMask(), 40);
    for (int i = 0; i < 20; i++) {
      log.text("line-" + i);
    }
    StepLog.Kept kept = log.kept();
    assertThat(kept.truncated()).isTrue();
    assertThat(kept.output().length()).isLessThanOrEqualTo(40);
    assertThat(kept.output()).endsWith("line-18\nline-19").doesNotContain("line-1\n").startsWith("line-");
  }

  @Test
  void aShortOutputIsWholeAndNulFree() {
    StepLog log = new StepLog(new SecretMask(), 40);
    log.text("a\u0000b");
    assertThat(log.kept()).isEqualTo(new StepLog.Kept("ab", false));
  }
}
