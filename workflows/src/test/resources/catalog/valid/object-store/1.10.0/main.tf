resource "terraform_data" "bucket" {
  input = {
    endpoint   = var.endpoint
    name       = var.bucket_name
    versioning = var.versioning
  }
}
