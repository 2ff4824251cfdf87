# Built-ins only. The line is appended after the delay, so a process killed during the delay
# shows whether the apply ran once, twice or never: count the lines.
resource "terraform_data" "applied" {
  input            = var.label
  triggers_replace = [var.label]

  provisioner "local-exec" {
    interpreter = ["/bin/sh", "-c"]
    command     = "sleep \"$DELAY\" && printf '%s %s\\n' \"$WORKSPACE\" \"$LABEL\" >> \"$MARKER\""
    environment = {
      DELAY     = var.delay_seconds
      WORKSPACE = var.pave_workspace
      LABEL     = var.label
      MARKER    = var.marker_file
    }
  }
}
