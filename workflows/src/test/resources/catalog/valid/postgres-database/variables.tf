# Filled by Pave from its configuration (platformInputs in pave.yaml).
variable "server_host" {
  type        = string
  description = "Host of the platform's PostgreSQL server."
}

variable "server_port" {
  type        = number
  description = "Port of the platform's PostgreSQL server."
  default     = 5432
}

variable "admin_user" {
  type        = string
  description = "Role that creates databases and roles."
}

# Set by the requester.
variable "database_name" {
  type        = string
  description = "Name of the database; its owner role is named after it."

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{2,62}$", var.database_name))
    error_message = "The database name must start with a letter and hold 3 to 63 lower-case letters, digits or underscores."
  }
}

variable "connection_limit" {
  type        = number
  description = <<-EOT
    Most connections the owner role may hold at once.
  EOT
  default     = 20

  validation {
    condition     = var.connection_limit >= 1 && var.connection_limit <= 500
    error_message = "The connection limit must be between 1 and 500."
  }
}
