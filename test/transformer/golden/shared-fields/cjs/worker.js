"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.Worker = void 0;
const __crucial = require("crucial").__crucial;
const crucial_1 = require("crucial");
const crucial = __importStar(require("crucial"));
const crucial_2 = require("crucial");
const centroids_1 = require("./centroids");
class Worker {
    // An explicit key.
    counter = __crucial.sharedField(crucial_1.AtomicLong, "counter", [0], false);
    // The key given to the constructor; an object that outlives the application.
    hits = __crucial.sharedField(crucial_1.AtomicLong, "hits-total", [5], true);
    // The derived key "Worker.centroids"; the class goes to the DSO object bundle.
    centroids = __crucial.sharedField("src/centroids#GlobalCentroids", "Worker.centroids", [4], false);
    // A plain array field becomes a SharedList holding the initial elements.
    tab = __crucial.sharedArray("Worker.tab", [0, 0, 0], false);
    grid = __crucial.sharedField(crucial_1.AtomicIntegerArray, "matrix", [16], false);
    // Namespace and renamed imports are recognised by their declarations too.
    seen = __crucial.sharedField(crucial.AtomicInteger, "Worker.seen", [0], false);
    aliased = __crucial.sharedField(crucial_2.AtomicLong, "Worker.aliased", [], false);
    // Not a shared field: left as written (the constructor makes a proxy with a fresh key).
    local = new crucial_1.AtomicLong();
}
exports.Worker = Worker;
