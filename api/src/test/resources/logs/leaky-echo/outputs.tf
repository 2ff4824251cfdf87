output "label" {
  description = "The label asked for."
  value       = var.label
}

output "token" {
  description = "A generated token, sensitive only here."
  value       = terraform_data.token.output
  sensitive   = true
}
