output "bucket" {
  value = terraform_data.bucket.output.name
}
