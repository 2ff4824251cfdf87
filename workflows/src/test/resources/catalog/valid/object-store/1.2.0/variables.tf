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
