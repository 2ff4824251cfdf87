variable "connection_limit" {
  type = number
}
