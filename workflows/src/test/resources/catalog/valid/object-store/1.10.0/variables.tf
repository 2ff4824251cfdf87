variable "endpoint" {
  type        = string
  description = "URL of the object store."
}

variable "bucket_name" {
  type        = string
  description = "Name of the bucket."
}

variable "versioning" {
  type        = bool
  description = "Keep every version of every object."
  default     = false
}

variable "retention_days" {
  type        = number
  description = "Days to keep deleted objects."
  default     = 30
}
