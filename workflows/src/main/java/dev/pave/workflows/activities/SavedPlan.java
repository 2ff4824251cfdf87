package dev.pave.workflows.activities;

/**
 * A plan as stored: the plan file and its {@code terraform show -json}, both sealed (encrypted
 * and bound to their request), and the SHA-256 of the plain plan file.
 */
public record SavedPlan(byte[] sealed, String sha256, byte[] sealedJson) {}
