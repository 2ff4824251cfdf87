package dev.pave.api.api;

import java.util.List;

/**
 * One resource a plan touches, as {@code terraform show -json} names it: never a value, so
 * nothing sensitive. {@code actions} is Terraform's list ("create", "update", "delete", "read",
 * "no-op"; a replace is ["delete", "create"] or ["create", "delete"]).
 */
public record PlanChangeView(String address, String type, List<String> actions) {}
