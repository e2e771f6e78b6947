import { ObjectRef } from "./wire/object-ref";
import { createProxy, proxyRef } from "./client/proxy";

/** Options of `@Shared`. */
export interface SharedFieldOptions {
  /**
   * The object's global key.
   * @default a key derived from the class and field names (the transformer derives a stable one)
   */
  key?: string;
  /**
   * Keep the object after the application ends (not leased; removed by an explicit delete).
   * @default false
   */
  persistent?: boolean;
}

/**
 * The decorator `@Shared(...)` returns. Typed for both decorator flavours, so that a program
 * type-checks with TC39 decorators (the TS 5 default) and with `experimentalDecorators`; the
 * initializer it returns keeps the field's declared type.
 */
export interface SharedFieldDecorator {
  <This, Value>(
    value: undefined,
    context: ClassFieldDecoratorContext<This, Value>,
  ): (this: This, initial: Value) => Value;
  (target: object, propertyKey: string | symbol): void;
}

const TRANSFORMER_ADVICE =
  'add { "transform": "crucial/transformer" } to compilerOptions.plugins and build with tspc';

/**
 * Marks a field whose object lives in the DSO layer. Compiled with `crucial/transformer`, the
 * decorator is removed and the initializer rewritten at build time (with a stable key, and
 * support for user-defined classes and plain arrays). Without the transformer this standard
 * decorator still works for library types: it re-keys the proxy the initializer made.
 */
export function Shared(options: SharedFieldOptions = {}): SharedFieldDecorator {
  const decorate = (_value: unknown, context: unknown) => {
    if (!isFieldContext(context)) {
      // A legacy field decorator cannot see the initializer: only the transformer can help.
      throw new TypeError(
        `@Shared on field ${String(context)} under experimentalDecorators needs the ` +
          `transformer: ${TRANSFORMER_ADVICE}`,
      );
    }
    if (context.static) {
      throw new TypeError(`@Shared cannot mark the static field ${String(context.name)}`);
    }
    return function (this: unknown, initial: unknown) {
      const made = proxyRef(initial);
      if (made === undefined) {
        throw new TypeError(
          `@Shared field ${String(context.name)}: without crucial/transformer only crucial ` +
            `library objects (new AtomicLong(...), ...) can initialize a shared field; ` +
            TRANSFORMER_ADVICE,
        );
      }
      const owner = (this as object).constructor.name;
      const key = options.key ?? `${owner}.${String(context.name)}`;
      return createProxy(new ObjectRef(made.type, key, made.ctorArgs, options.persistent === true));
    };
  };
  return decorate as SharedFieldDecorator;
}

function isFieldContext(context: unknown): context is ClassFieldDecoratorContext {
  return typeof context === "object" && context !== null && "kind" in context;
}
