package dev.pave.workflows.terraform;

import com.fasterxml.jackson.databind.JsonNode;

/** One root module output from {@code terraform output -json}; {@code value} is in clear even when sensitive. */
public record OutputValue(JsonNode value, boolean sensitive) {}
