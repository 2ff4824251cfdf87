package dev.pave.api.api;

import dev.pave.api.db.StepLogRow;
import java.util.List;

/** GET /v1/requests/{id}/logs: Terraform's output of each step run, in order, secrets masked. */
public record RequestLogsView(String requestId, List<StepLogRow> steps) {}
