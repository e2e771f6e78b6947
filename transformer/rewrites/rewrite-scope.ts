import ts from "typescript";
import type { FileContext } from "../context";
import type { FileEmit } from "./file-emit";

/** What every rewrite receives: the file, its emit state, and the file's visitor for children. */
export interface RewriteScope {
  readonly file: FileContext;
  readonly emit: FileEmit;
  /** Visits an expression with every rewrite (children of a rewritten node are rewritten too). */
  expression(node: ts.Expression): ts.Expression;
  /** Visits the children of a node with every rewrite. */
  children<T extends ts.Node>(node: T): T;
}

/** Gives a new node the position of the node it replaces, for diagnostics and source maps. */
export function placed<T extends ts.Node>(created: T, original: ts.Node): T {
  ts.setOriginalNode(created, original);
  ts.setTextRange(created, original);
  ts.setSourceMapRange(created, original);
  return created;
}
