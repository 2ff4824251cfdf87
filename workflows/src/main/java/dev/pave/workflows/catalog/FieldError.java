package dev.pave.workflows.catalog;

/**
 * One problem with a request's inputs. {@code field} is a path such as
 * {@code inputs.database_name} or {@code inputs.rules[0]["port"]}; {@code message} never contains
 * the submitted value, because inputs may hold secrets.
 */
public record FieldError(String field, String message) {}
