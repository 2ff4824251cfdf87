variable "database_name" {
  type = string
}
