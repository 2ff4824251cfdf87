package dev.pave.workflows.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pave.workflows.catalog.TerraformType.Collection;
import dev.pave.workflows.catalog.TerraformType.Primitive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TerraformTypeTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "string", "number", "bool", "any", "list(string)", "set(number)", "map(bool)",
      "list(map(string))", "map(list(set(any)))", "object({})", "tuple([])",
      "object({name = string, size = optional(number), tags = map(string)})",
      "list(object({port = number, cidrs = list(string)}))", "tuple([string, object({a = bool})])"})
  void printsWhatItParses(String canonical) {
    assertThat(TerraformType.parse(canonical)).hasToString(canonical);
  }

  @Test
  void readsNestedCollections() {
    assertThat(TerraformType.parse("list(map(string))")).isEqualTo(
        new Collection(Collection.Kind.LIST, new Collection(Collection.Kind.MAP, Primitive.STRING)));
  }

  @Test
  void acceptsHandWrittenSpacingAndNewlines() {
    assertThat(TerraformType.parse(" object({\n  a = list( string )\n  b = optional(bool)\n}) "))
        .hasToString("object({a = list(string), b = optional(bool)})");
  }

  @Test
  void anAttributeNamedOptionalIsNotAnOptionalAttribute() {
    assertThat(TerraformType.parse("object({optional = string})")).hasToString("object({optional = string})");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "strng", "list", "list()", "list(string", "map(string))",
      "object({a string})", "object({a = string, a = number})", "tuple(string)", "string number"})
  void refusesWhatIsNotAType(String text) {
    assertThatThrownBy(() -> TerraformType.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
