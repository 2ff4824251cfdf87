variable "connection_limit" {
  type    = number
  default = 2.5
}
