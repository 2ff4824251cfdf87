package dev.pave.workflows.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines recorded from Terraform 1.11.4 `plan -json`. */
class JsonEventStreamTest {

  static final String VERSION = """
      {"@level":"info","@message":"Terraform 1.11.4","@module":"terraform.ui","terraform":"1.11.4","type":"version","ui":"1.2"}""";
  static final String SUMMARY = """
      {"@level":"info","@message":"Plan: 2 to add, 1 to change, 3 to destroy.","changes":{"add":2,"change":1,"import":0,"remove":3,"operation":"plan"},"type":"change_summary"}""";
  static final String VALIDATION_ERROR = """
      {"@level":"error","@message":"Error: Invalid value for variable","diagnostic":{"severity":"error","summary":"Invalid value for variable","detail":"name must be lowercase letters.\\n\\nThis was checked by the validation rule at main.tf:3,3-13.","range":{"filename":"main.tf","start":{"line":1,"column":1,"byte":0},"end":{"line":1,"column":16,"byte":15}},"snippet":{"context":null,"code":"variable \\"name\\" {","start_line":1,"highlight_start_offset":0,"highlight_end_offset":15,"values":[{"traversal":"var.name","statement":"is \\"Bad\\""}]}},"type":"diagnostic"}""";
  static final String PROVISIONER_ERROR = """
      {"@level":"error","@message":"Error: local-exec provisioner error","diagnostic":{"severity":"error","summary":"local-exec provisioner error","detail":"exit status 3","address":"terraform_data.use","range":{"filename":"main.tf","start":{"line":7,"column":28,"byte":235}}},"type":"diagnostic"}""";
  static final String TYPE_ERROR_IN_VAR_FILE = """
      {"@level":"error","@message":"Error: Invalid value for input variable","diagnostic":{"severity":"error","summary":"Invalid value for input variable","detail":"The given value is not suitable for var.n declared at main.tf:8,1-13: a number is required.","range":{"filename":"inputs.tfvars.json","start":{"line":1,"column":18,"byte":17}},"snippet":{"context":null,"code":"{\\"password\\":\\"s3cret\\",\\"n\\":\\"abc\\"}","start_line":1,"values":[]}},"type":"diagnostic"}""";
  static final String WARNING = """
      {"@level":"warn","@message":"Warning: Check block assertion failed","diagnostic":{"severity":"warning","summary":"Check block assertion failed","detail":"too big"},"type":"diagnostic"}""";

  @Test
  void collectsSummaryAndDiagnosticsAndForwardsEveryEvent() {
    List<JsonNode> seen = new ArrayList<>();
    JsonEventStream stream = new JsonEventStream("plan", seen::add);
    List.of(VERSION, SUMMARY, WARNING, PROVISIONER_ERROR, "not json").forEach(stream);

    assertThat(seen).extracting(e -> e.path("type").asText())
        .containsExactly("version", "change_summary", "diagnostic", "diagnostic");
    assertThat(stream.changeSummary()).contains(new ChangeSummary(2, 1, 3));
    assertThat(stream.warnings()).extracting(Diagnostic::summary).containsExactly("Check block assertion failed");
    assertThat(stream.diagnostics()).hasSize(2);
    assertThat(stream.diagnostics().get(1))
        .isEqualTo(new Diagnostic("error", "local-exec provisioner error", "exit status 3", "terraform_data.use", "main.tf", 7));
  }

  @Test
  void aValidationFailureNamesTheVariableButNotItsValue() {
    JsonEventStream stream = new JsonEventStream("plan", TerraformListener.NONE);
    stream.accept(VALIDATION_ERROR);

    Diagnostic d = stream.diagnostics().get(0);
    assertThat(d.address()).isEqualTo("var.name");
    assertThat(d.file()).isEqualTo("main.tf");
    assertThat(d.line()).isEqualTo(1);
    assertThat(d.toString()).doesNotContain("Bad");
  }

  @Test
  void aTypeErrorInTheVarFileNamesTheVariableAndTheListenerNeverSeesTheInputs() {
    List<JsonNode> seen = new ArrayList<>();
    JsonEventStream stream = new JsonEventStream("plan", seen::add);
    stream.accept(TYPE_ERROR_IN_VAR_FILE);

    assertThat(stream.diagnostics().get(0).address()).isEqualTo("var.n");
    assertThat(stream.diagnostics().get(0).file()).isEqualTo("inputs.tfvars.json");
    assertThat(seen.get(0).toString()).doesNotContain("s3cret").doesNotContain("snippet");
  }

  @Test
  void aListenerFailureReachesTheRunner() {
    JsonEventStream stream = new JsonEventStream("apply", e -> {
      throw new IllegalStateException("cancelled");
    });
    assertThatThrownBy(() -> stream.accept(VERSION)).hasMessage("cancelled");
  }
}
