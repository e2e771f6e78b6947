"use strict";
import { __crucial } from "crucial";
// A script (no imports, no exports): CommonJS output gets require(), not an import declaration.
class LegacyJob {
    run() {
        LegacyJob.runs++;
    }
    static runs = 0;
}
__crucial.registerTaskClass("src/legacy-job#LegacyJob", LegacyJob);
