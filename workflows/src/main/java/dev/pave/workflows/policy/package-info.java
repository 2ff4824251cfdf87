/**
 * Pave's policy engine: CEL policies loaded from YAML files, evaluated against a request (before
 * Terraform runs) or against {@code terraform show -json} of the saved plan, with their tests.
 *
 * <p>Entry points: {@link dev.pave.workflows.policy.PolicyLoader#load}, {@link
 * dev.pave.workflows.policy.PolicySet#evaluate}, {@link dev.pave.workflows.policy.PolicyInputs},
 * {@link dev.pave.workflows.policy.CostEstimator} and {@link
 * dev.pave.workflows.policy.PolicyTestRunner}. The rules for authors are in docs/policies.md.
 */
package dev.pave.workflows.policy;
