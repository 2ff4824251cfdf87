/** Pave's workflow side: Temporal workflows and activities, the Terraform wrapper, the catalog and policies. */
package dev.pave.workflows;
