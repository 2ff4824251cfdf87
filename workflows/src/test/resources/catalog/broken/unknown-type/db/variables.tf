variable "database_names" {
  type = list(strng)
}
