package dev.pave.workflows.contract;

/**
 * What a provisioning workflow starts from. Only the id travels through Temporal: the request
 * itself (inputs included) lives in Pave's tables, so the workflow history stays small and a
 * restarted workflow always reads the current record.
 */
public record ProvisionInput(String requestId) {}
