variable "database_name" {
  type = string

variable "connection_limit" {
  type = number
}
