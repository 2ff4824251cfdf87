# Built-ins only (terraform_data + local-exec + psql): no provider has to be downloaded, so the
# module runs on air-gapped workers. Inputs reach psql only through provisioner environments.

locals {
  owner = "${var.database_name}_owner"

  # Everything the destroy-time provisioner needs: it may only read `self`.
  target = {
    host       = var.server_host
    port       = var.server_port
    admin_user = var.admin_user
    database   = var.database_name
    owner      = local.owner
    # What every script gets: libpq's connection variables and the names to act on.
    env = {
      PGHOST     = var.server_host
      PGPORT     = tostring(var.server_port)
      PGUSER     = var.admin_user
      PGDATABASE = "postgres"
      DB_NAME    = var.database_name
      OWNER_NAME = local.owner
      # This workspace's stable id, recorded as the claim of what it creates (in the admin-only
      # claims database, scripts/claim.sql): every script acts only on objects claimed with it,
      # the destroy-time one included (which may only read `self`).
      CLAIM = var.pave_workspace
    }
  }
}

# Generated once: uuid() changes on every plan, ignore_changes freezes the first value.
resource "terraform_data" "password" {
  input = sensitive("${replace(uuid(), "-", "")}${replace(uuid(), "-", "")}")

  lifecycle {
    ignore_changes = [input]
  }
}

resource "terraform_data" "database" {
  input = local.target

  # A different name or server is a different database: replace it. The admin user is only
  # a credential, so changing it updates the stored input without dropping anything.
  triggers_replace = [var.server_host, var.server_port, var.database_name]

  # Check the claim and create, under one lock in one session. No secret in its environment,
  # so that Terraform shows its message (a name that is not available) to the requester.
  provisioner "local-exec" {
    interpreter = ["/bin/sh"]
    command     = "${path.module}/scripts/create-database.sh"
    environment = self.input.env
  }

  # The password as a SCRAM verifier computed here: the server never sees it as SQL text.
  provisioner "local-exec" {
    interpreter = ["/bin/sh"]
    command     = "${path.module}/scripts/set-owner-password.sh"
    environment = merge(self.input.env, { OWNER_PASSWORD = terraform_data.password.output })
  }

  provisioner "local-exec" {
    when        = destroy
    interpreter = ["/bin/sh"]
    command     = "${path.module}/scripts/drop-database.sh"
    environment = self.input.env
  }
}

# Separate from the database so that a new limit is an ALTER, not a replace (which drops data).
resource "terraform_data" "connection_limit" {
  input            = var.connection_limit
  triggers_replace = [terraform_data.database.id, var.connection_limit]

  provisioner "local-exec" {
    interpreter = ["/bin/sh"]
    command     = "${path.module}/scripts/set-connection-limit.sh"
    environment = merge(terraform_data.database.output.env, { CONNECTION_LIMIT = tostring(self.input) })
  }
}
