variable "label" {
  type        = string
  nullable    = false
  description = "What this apply writes beside the workspace name; a new label replaces the resource, so every request applies."

  validation {
    condition     = can(regex("^[a-z0-9-]{1,40}$", var.label))
    error_message = "label must be 1 to 40 characters of a-z, 0-9 and '-'."
  }
}

variable "delay_seconds" {
  type        = number
  nullable    = false
  default     = 8
  description = "How long the apply's provisioner sleeps before it writes its line."

  validation {
    condition     = var.delay_seconds >= 0 && var.delay_seconds <= 60
    error_message = "delay_seconds must be from 0 to 60."
  }
}

variable "marker_file" {
  type        = string
  nullable    = false
  description = "Set by the platform: the file every apply appends its line to."
}

variable "pave_workspace" {
  type        = string
  nullable    = false
  description = "Set by Pave: the workspace name."
}
