package dev.pave.workflows.catalog;

import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.AnyPrimitiveType;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.BooleanPrimitiveType;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.Function;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.ListPrimitiveType;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.MapPrimitiveType;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.NumberPrimitiveType;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.SetPrimitiveType;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.StringPrimitiveType;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.VariableTree;
import com.bertramlabs.plugins.hcl4j.symbols.HCLArray;
import com.bertramlabs.plugins.hcl4j.symbols.HCLAttribute;
import com.bertramlabs.plugins.hcl4j.symbols.HCLBlock;
import com.bertramlabs.plugins.hcl4j.symbols.Symbol;
import dev.pave.workflows.catalog.TerraformType.Attribute;
import dev.pave.workflows.catalog.TerraformType.Collection;
import dev.pave.workflows.catalog.TerraformType.Primitive;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the symbol tree hcl4j leaves for a variable's {@code type} into a {@link TerraformType}.
 * hcl4j has no object or tuple symbol: {@code object({...})} arrives as a map holding a block,
 * {@code tuple([...])} as a list holding an array, and a misspelt type as a variable reference
 * or a plain string, which is refused here.
 */
final class HclTypes {
  private HclTypes() {}

  /** Throws IllegalArgumentException naming the part of the type it cannot read. */
  static TerraformType from(Object type) {
    if (!(type instanceof Symbol symbol)) {
      throw new IllegalArgumentException("has an unknown type '" + type + "'");
    }
    return convert(symbol);
  }

  private static TerraformType convert(Symbol s) {
    if (s instanceof StringPrimitiveType) {
      return Primitive.STRING;
    } else if (s instanceof NumberPrimitiveType) {
      return Primitive.NUMBER;
    } else if (s instanceof BooleanPrimitiveType) {
      return Primitive.BOOL;
    } else if (s instanceof AnyPrimitiveType) {
      return Primitive.ANY;
    } else if (s instanceof ListPrimitiveType) {
      Symbol element = onlyChild(s, "list");
      return element instanceof HCLArray tuple
          ? new TerraformType.Tuple(tuple.getChildren().stream().map(HclTypes::convert).toList())
          : new Collection(Collection.Kind.LIST, convert(element));
    } else if (s instanceof SetPrimitiveType) {
      return new Collection(Collection.Kind.SET, convert(onlyChild(s, "set")));
    } else if (s instanceof MapPrimitiveType) {
      Symbol element = onlyChild(s, "map");
      return element instanceof HCLBlock attributes
          ? object(attributes)
          : new Collection(Collection.Kind.MAP, convert(element));
    }
    throw new IllegalArgumentException("has an unknown type '" + s.getName() + "'");
  }

  private static TerraformType object(HCLBlock block) {
    Map<String, Attribute> attributes = new LinkedHashMap<>();
    for (Symbol child : block.getChildren()) {
      if (!(child instanceof HCLAttribute attribute) || attribute.getChildren().size() != 1) {
        throw new IllegalArgumentException("has an object type that cannot be read");
      }
      Symbol type = attribute.getChildren().get(0);
      Function optional = optionalCall(type);
      attributes.put(attribute.getName(), optional == null
          ? new Attribute(convert(type), false)
          : new Attribute(convert(optional.getChildren().get(0)), true));
    }
    return new TerraformType.ObjectType(attributes);
  }

  /** {@code optional(T)} and {@code optional(T, default)} arrive as a call wrapped in a variable tree. */
  private static Function optionalCall(Symbol s) {
    if (s instanceof VariableTree tree && tree.getChildren().size() == 1
        && tree.getChildren().get(0) instanceof Function f && "optional".equals(f.getName())
        && !f.getChildren().isEmpty()) {
      return f;
    }
    return null;
  }

  private static Symbol onlyChild(Symbol s, String kind) {
    List<Symbol> children = s.getChildren();
    if (children.size() != 1) {
      throw new IllegalArgumentException("has a " + kind + " type without an element type; write " + kind + "(string) or " + kind + "(any)");
    }
    return children.get(0);
  }
}
