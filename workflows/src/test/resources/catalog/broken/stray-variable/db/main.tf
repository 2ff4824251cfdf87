resource "terraform_data" "db" {
  input = var.database_name
}

variable "connection_limit" {
  type = number
}
