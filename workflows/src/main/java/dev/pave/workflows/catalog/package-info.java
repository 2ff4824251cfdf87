/**
 * The module catalog: golden-path Terraform modules under {@code terraform-modules/}, each a
 * folder of .tf files plus a pave.yaml. Inputs come from variables.tf (read with hcl4j, checked
 * against an independent block scanner), pave.yaml only adds hints, and {@link
 * dev.pave.workflows.catalog.InputValidator} checks a request's inputs before anything runs.
 */
package dev.pave.workflows.catalog;
