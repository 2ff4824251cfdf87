package dev.pave.workflows.catalog;

/** An output declared in a module's outputs.tf; sensitive ones are redacted in API responses. */
public record ModuleOutput(String name, String description, boolean sensitive) {}
