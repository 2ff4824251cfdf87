package dev.pave.workflows.terraform;

import java.util.List;

/** How a command ended: its exit code and the last lines of stderr (for messages when there is no -json). */
record RunResult(int exitCode, List<String> stderrTail) {}
