variable "settings" {
  type        = string
  description = "Changes in place: terraform_data updates its input without replacing."
}

variable "generation" {
  type        = number
  description = "Changing it replaces the database, like a changed engine or zone would."
}

variable "app_generation" {
  type        = number
  description = "Replaces the app resource only: a replace the policy must ignore."
}

resource "terraform_data" "database" {
  input            = var.settings
  triggers_replace = [var.generation]
}

resource "terraform_data" "app" {
  input            = "app"
  triggers_replace = [var.app_generation]
}
