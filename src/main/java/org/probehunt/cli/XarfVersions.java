package org.probehunt.cli;

import java.util.Map;
import java.util.Stack;
import org.probehunt.notify.XarfVersion;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * --xarf's values: the report versions a draft can carry. Given apart from the option, the next
 * argument is its value only when it looks like a version number: picocli would otherwise take the
 * log folder of {@code run --xarf logs/} for the version.
 */
final class XarfVersions implements ITypeConverter<XarfVersion>, IParameterPreprocessor {
  @Override
  public XarfVersion convert(String value) {
    return XarfVersion.byLabel(value)
        .filter(v -> v != XarfVersion.NONE)
        .orElseThrow(() -> new TypeConversionException("expected 4 or 0.2, not '" + value + "'"));
  }

  @Override
  public boolean preprocess(
      Stack<String> args, CommandSpec spec, ArgSpec option, Map<String, Object> info) {
    // picocli names how the value was given: "=" for --xarf=0.2, a space for a separate argument.
    boolean attached = !String.valueOf(info.get("separator")).isBlank();
    if (attached || args.isEmpty() || args.peek().matches("[0-9][0-9.]*")) {
      return false; // picocli reads the value (or its absence) and converts it
    }
    option.setValue(XarfVersion.V4);
    return true;
  }
}
