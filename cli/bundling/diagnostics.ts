import ts from "typescript";

/**
 * TypeScript diagnostics printed as tsc prints them: with colour and the offending source line
 * on a terminal, as plain `file(line,col): error TS1234: ...` lines otherwise, then tsc's
 * "Found N errors" line.
 */

const host: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (fileName) => fileName,
  getCurrentDirectory: () => ts.sys.getCurrentDirectory(),
  getNewLine: () => ts.sys.newLine,
};

export function formatDiagnostics(diagnostics: readonly ts.Diagnostic[], pretty: boolean): string {
  if (diagnostics.length === 0) return "";
  const sorted = ts.sortAndDeduplicateDiagnostics(diagnostics);
  const body = pretty
    ? ts.formatDiagnosticsWithColorAndContext(sorted, host)
    : ts.formatDiagnostics(sorted, host);
  const errors = sorted.filter((d) => d.category === ts.DiagnosticCategory.Error).length;
  if (errors === 0) return body;
  const files = new Set(sorted.map((d) => d.file?.fileName).filter((name) => name !== undefined));
  const where =
    files.size === 1 ? " in the same file" : files.size > 1 ? ` in ${files.size} files` : "";
  const found = errors === 1 ? `Found 1 error${where}.` : `Found ${errors} errors${where}.`;
  return `${body}${pretty ? "\n" : ""}${found}\n`;
}

export function errorCount(diagnostics: readonly ts.Diagnostic[]): number {
  return diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).length;
}
