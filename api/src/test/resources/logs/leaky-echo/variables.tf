variable "label" {
  type        = string
  description = "Any label; shown as a plain output."
}

variable "noise_lines" {
  type        = number
  default     = 0
  description = "How many lines of noise the provisioner prints after the secrets."
}
