variable "settings" {
  type = string
}

variable "generation" {
  type = number
}

variable "app_generation" {
  type        = number
  description = "Unused here; declared so every scenario can pass the same variables."
}

resource "terraform_data" "database" {
  input            = var.settings
  triggers_replace = [var.generation]

  lifecycle {
    # A replace then plans as ["create", "delete"]: the policy must catch both orders.
    create_before_destroy = true
  }
}
