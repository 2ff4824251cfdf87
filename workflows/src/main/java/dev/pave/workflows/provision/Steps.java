package dev.pave.workflows.provision;

import dev.pave.workflows.activities.GuardrailActivities;
import dev.pave.workflows.activities.ProvisionActivities;

/** The activity stubs one workflow run uses, each with the options its kind of work needs. */
final class Steps {

  final ProvisionActivities terraform = ProvisionActivityStubs.steps();
  final ProvisionActivities bookkeeping = ProvisionActivityStubs.bookkeeping();
  final GuardrailActivities guardrails = ProvisionActivityStubs.guardrails();
}
