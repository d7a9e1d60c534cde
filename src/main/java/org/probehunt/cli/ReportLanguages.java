package org.probehunt.cli;

import org.probehunt.report.HtmlLabels;
import org.probehunt.report.Texts;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** --lang's values: the languages report.html is written in. */
final class ReportLanguages implements ITypeConverter<String> {
  @Override
  public String convert(String value) {
    if (!HtmlLabels.LANGUAGES.contains(value)) {
      throw new TypeConversionException(
          "expected "
              + String.join(" or ", HtmlLabels.LANGUAGES)
              + ", not '"
              + Texts.printable(value)
              + "'");
    }
    return value;
  }
}
