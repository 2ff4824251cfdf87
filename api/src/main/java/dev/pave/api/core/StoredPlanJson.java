package dev.pave.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pave.workflows.activities.SavedPlan;
import dev.pave.workflows.crypto.SecretBox;
import dev.pave.workflows.terraform.SensitivePlanValues;
import java.io.IOException;
import java.util.Optional;

/** {@code terraform show -json} of a stored plan, opened and redacted: what simulations and the request view read. */
final class StoredPlanJson {

  private StoredPlanJson() {}

  /** Empty for a plan stored before its JSON was kept beside it. */
  static Optional<JsonNode> of(SecretBox secrets, ObjectMapper json, String requestId, SavedPlan plan) {
    if (plan.sealedJson() == null) {
      return Optional.empty();
    }
    try {
      // Plans stored before redaction existed hold secrets in clear: redact on read as well.
      return Optional.of(SensitivePlanValues.redact(json.readTree(secrets.open(plan.sealedJson(), requestId))));
    } catch (IOException e) {
      throw new IllegalStateException("a stored plan's JSON does not parse", e);
    }
  }
}
