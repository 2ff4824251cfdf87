package dev.pave.workflows.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanDocumentTest {

  /** Trimmed from `show -json` of a Terraform 1.11.4 plan that renames a database. */
  private static final String PLAN = """
      {"format_version":"1.2","terraform_version":"1.11.4",
       "resource_changes":[
         {"address":"terraform_data.database","mode":"managed","type":"terraform_data","name":"database",
          "change":{"actions":["delete","create"]}},
         {"address":"terraform_data.password","mode":"managed","type":"terraform_data","name":"password",
          "change":{"actions":["no-op"]}},
         {"address":"terraform_data.limit","mode":"managed","type":"terraform_data","name":"limit",
          "change":{"actions":["update"]}},
         {"address":"terraform_data.new","mode":"managed","type":"terraform_data","name":"new",
          "change":{"actions":["create"]}}],
       "output_changes":{
         "database":{"actions":["update"],"before":"orders","after":"orders2","before_sensitive":false,"after_sensitive":false},
         "password":{"actions":["no-op"],"before":"secret","after":"secret","before_sensitive":true,"after_sensitive":true}}}
      """;

  @Test
  void readsResourceAndOutputChanges() throws Exception {
    PlanDocument plan = PlanDocument.fromJson(new ObjectMapper().readTree(PLAN));

    assertThat(plan.terraformVersion()).isEqualTo("1.11.4");
    assertThat(plan.resourceChanges()).first().isEqualTo(
        new ResourceChange("terraform_data.database", "terraform_data", "database", List.of("delete", "create")));
    assertThat(plan.changesOf("terraform_data.database")).singleElement().matches(ResourceChange::isReplace);
    assertThat(plan.outputChanges().get("password")).isEqualTo(new OutputChange(List.of("no-op"), true));
    assertThat(plan.outputChanges().get("database").sensitive()).isFalse();
  }

  @Test
  void summaryCountsAReplaceAsAddAndDestroy() throws Exception {
    PlanDocument plan = PlanDocument.fromJson(new ObjectMapper().readTree(PLAN));
    assertThat(plan.summary()).isEqualTo(new ChangeSummary(2, 1, 1));
  }
}
