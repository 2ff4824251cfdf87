# Requester inputs (see pave.yaml for the form hints).

variable "database_name" {
  type        = string
  nullable    = false
  description = "Name of the database to create. The owner role is named <database_name>_owner."

  # 57 characters, not 63: "<name>_owner" must still fit PostgreSQL's 63-byte identifier limit,
  # which would otherwise truncate the role name silently and break the username output.
  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{2,56}$", var.database_name))
    error_message = "database_name must be 3 to 57 characters: a lowercase letter, then lowercase letters, digits or underscores."
  }
}

variable "connection_limit" {
  type        = number
  nullable    = false
  default     = 20
  description = "Maximum number of concurrent connections to the database."

  validation {
    condition     = var.connection_limit >= 1 && var.connection_limit <= 500 && floor(var.connection_limit) == var.connection_limit
    error_message = "connection_limit must be a whole number from 1 to 500."
  }
}

# Platform inputs: Pave fills these from its own configuration; requesters cannot set them.

variable "server_host" {
  type        = string
  nullable    = false
  description = "Host name or address of the PostgreSQL server that holds the database."
}

variable "server_port" {
  type        = number
  nullable    = false
  description = "TCP port of the PostgreSQL server."
}

variable "admin_user" {
  type        = string
  nullable    = false
  default     = "postgres"
  description = "Role Terraform connects as to create and drop databases and roles. Its password, if any, comes from PGPASSWORD in Terraform's environment."
}

variable "pave_workspace" {
  type        = string
  nullable    = false
  description = "Set by Pave: the workspace that owns what this module creates. Marks the database and role so that no other workspace can take them over, and stays the same across retries and re-plans."
}
