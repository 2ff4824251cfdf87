variable "database_name" {
  type = string
}
variable "server_host" {
  type = string
}
