variable "region" {
  type = string
}

variable "name" {
  type        = string
  description = "Overridden by pave.yaml."
}

variable "size" {
  type    = number
  default = 1
}

variable "tier" {
  type    = string
  default = "small"
}

variable "replicas" {
  type    = number
  default = 1
}

variable "enabled" {
  type    = bool
  default = true
}

variable "zones" {
  type    = list(string)
  default = []
}

variable "ports" {
  type    = set(number)
  default = [80, 443]
}

variable "labels" {
  type    = map(string)
  default = {}
}

variable "rules" {
  type    = list(map(string))
  default = []
}

variable "owner" {
  type = object({
    email = string
    team  = optional(string, "platform")
  })
  default = null
}

variable "pair" {
  type    = tuple([string, number])
  default = ["a", 1]
}

variable "extra" {
  type    = any
  default = null
}

variable "untyped" {
  default = "anything"
}

variable "api_key" {
  type      = string
  sensitive = true
  default   = "not-a-real-key"
}
