package dev.pave.api.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One resource a plan touches, as {@code terraform show -json} names it: never a value, so
 * nothing sensitive. {@code actions} is Terraform's list ("create", "update", "delete", "read",
 * "no-op"; a replace is ["delete", "create"] or ["create", "delete"]).
 */
public record PlanChangeView(
    @Schema(description = "the resource's address, e.g. aws_db_instance.this") String address,
    String type,
    // No enum: newer Terraform versions add actions (forget, ...), and the list is Terraform's, passed on.
    @ArraySchema(arraySchema = @Schema(description = "Terraform's actions: create, update, delete, read, no-op;"
        + " a replace is [delete, create] or [create, delete]"))
    List<String> actions) {}
