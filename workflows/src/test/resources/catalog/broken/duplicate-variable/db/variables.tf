variable "database_name" {
  type = string
}
variable "database_name" {
  type = string
}
