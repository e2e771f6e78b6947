// A script (no imports, no exports): CommonJS output gets require(), not an import declaration.
class LegacyJob {
  run(): void {
    LegacyJob.runs++;
  }

  static runs = 0;
}
