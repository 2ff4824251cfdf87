terraform {
  required_version = ">= 1.5"
  required_providers {
    postgresql = { source = "cyrilgdn/postgresql", version = "~> 1.22" }
    random     = { source = "hashicorp/random", version = "~> 3.6" }
  }
}

# The admin password comes from PGPASSWORD in Terraform's environment, never from a variable.
provider "postgresql" {
  host     = var.server_host
  port     = var.server_port
  username = var.admin_user
  sslmode  = "disable"
}

resource "random_password" "owner" {
  length  = 32
  special = false
}

resource "postgresql_role" "owner" {
  name             = "${var.database_name}_owner"
  login            = true
  password         = random_password.owner.result
  connection_limit = var.connection_limit
}

resource "postgresql_database" "this" {
  name  = var.database_name
  owner = postgresql_role.owner.name
}
