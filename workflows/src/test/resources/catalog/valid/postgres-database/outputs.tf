output "host" {
  value       = var.server_host
  description = "Host to connect to."
}

output "port" {
  value       = var.server_port
  description = "Port to connect to."
}

output "database" {
  value       = postgresql_database.this.name
  description = "Name of the database."
}

output "username" {
  value       = postgresql_role.owner.name
  description = "Owner role of the database."
}

output "password" {
  value       = random_password.owner.result
  description = "Password of the owner role."
  sensitive   = true
}
