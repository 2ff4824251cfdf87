package dev.pave.workflows.worker;

import dev.pave.workflows.activities.GuardrailLedger;
import dev.pave.workflows.activities.HistorySnapshots;
import dev.pave.workflows.activities.RequestLedger;
import dev.pave.workflows.activities.TerraformRunConfig;
import dev.pave.workflows.catalog.ModuleCatalog;
import dev.pave.workflows.crypto.SecretBox;
import dev.pave.workflows.policy.PolicySet;
import java.time.Clock;
import java.time.Duration;

/** What a worker's activities are built from. */
public record WorkerDependencies(
    RequestLedger requests,
    GuardrailLedger guardrails,
    ModuleCatalog catalog,
    PolicySet policies,
    TerraformRunConfig terraform,
    SecretBox secrets,
    HistorySnapshots snapshots,
    Duration approvalTimeout,
    Clock clock) {}
