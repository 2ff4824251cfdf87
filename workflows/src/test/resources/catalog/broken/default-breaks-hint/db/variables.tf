variable "connection_limit" {
  type    = number
  default = 1000
}
