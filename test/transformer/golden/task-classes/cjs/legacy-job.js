"use strict";
const __crucial = require("crucial").__crucial;
// A script (no imports, no exports): CommonJS output gets require(), not an import declaration.
class LegacyJob {
    run() {
        LegacyJob.runs++;
    }
    static runs = 0;
}
__crucial.registerTaskClass("src/legacy-job#LegacyJob", LegacyJob);
