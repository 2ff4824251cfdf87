output "label" {
  description = "The label of the last apply."
  value       = terraform_data.applied.output
}
