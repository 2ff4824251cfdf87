output "host" {
  description = "Host name or address of the PostgreSQL server."
  value       = var.server_host
}

output "port" {
  description = "TCP port of the PostgreSQL server."
  value       = var.server_port
}

output "database" {
  description = "Name of the created database."
  value       = var.database_name
}

output "username" {
  description = "Owner role to connect as; it owns the database and is the only role granted CONNECT."
  value       = local.owner
}

output "password" {
  description = "Generated password of the owner role."
  value       = terraform_data.password.output
  sensitive   = true
}
