variable "connection_limit" {
  type    = number
  default = "twenty"
}
