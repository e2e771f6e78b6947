import { addExtension } from "cbor-x";
import { VALUE_CLASS_TAG } from "../wire/codec";
import { classById } from "./registry";

/**
 * An instance of a registered class on its way to or from a cloud thread: the class's registry
 * id and the instance's own fields, already checked by `prepareForTravel`. It exists only between
 * the walk and the encoder; the decoder rebuilds the instance itself, with its class's prototype.
 */
export class ShippedInstance {
  constructor(
    readonly classId: string,
    readonly fields: Record<string, unknown>,
  ) {}
}

/** Thrown when the receiving side does not know a class id (its bundle lacks the module). */
export class UnknownClassError extends Error {
  constructor(readonly classId: string) {
    super(
      `crucial: class id "${classId}" is not registered on the receiving side; load the module ` +
        "that registers it there (the executor's `modules` option or CRUCIAL_TASK_MODULES for " +
        "the local pool, the handler bundle for Lambda)",
    );
    this.name = "UnknownClassError";
  }
}

addExtension<ShippedInstance, unknown>({
  Class: ShippedInstance,
  tag: VALUE_CLASS_TAG,
  encode(value, encode) {
    return encode([value.classId, value.fields]);
  },
  decode(body) {
    if (!Array.isArray(body) || typeof body[0] !== "string" || typeof body[1] !== "object") {
      throw new TypeError("crucial: malformed value-class instance in a task payload");
    }
    const cls = classById(body[0]);
    if (cls === undefined) throw new UnknownClassError(body[0]);

    // No constructor runs: the instance is rebuilt from its fields, as Java deserialization
    // does, so a constructor with side effects (or required arguments) is not replayed.
    const instance = Object.create(cls.prototype as object) as Record<string, unknown>;
    return Object.assign(
      instance,
      body[1] as Record<string, unknown>,
    ) as unknown as ShippedInstance;
  },
});
