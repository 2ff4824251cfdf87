# Built-ins only. Terraform hides what it knows is sensitive, but not what a provisioner prints
# from its environment (PGPASSWORD, the platform's) nor a value marked sensitive only at the output.
resource "terraform_data" "token" {
  input = "tok${replace(uuid(), "-", "")}"

  lifecycle {
    ignore_changes = [input]
  }

  provisioner "local-exec" {
    interpreter = ["/bin/sh", "-c"]
    command     = "echo \"admin password: $PGPASSWORD\"; echo \"token: ${self.input}\"; i=0; while [ $i -lt ${var.noise_lines} ]; do echo noise-line-$i; i=$((i+1)); done; echo end-of-noise"
  }

  # A destroy prints the token again: the state still holds it, as a sensitive output.
  provisioner "local-exec" {
    when        = destroy
    interpreter = ["/bin/sh", "-c"]
    command     = "echo \"destroying token: ${self.output}\""
  }
}
