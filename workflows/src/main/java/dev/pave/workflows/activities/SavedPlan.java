package dev.pave.workflows.activities;

/** A plan file as stored: sealed (encrypted and bound to its request) plus the hash of the plain file. */
public record SavedPlan(byte[] sealed, String sha256) {}
