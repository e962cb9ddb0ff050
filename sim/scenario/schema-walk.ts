// Reads the structure of the zod schema at a point in a scenario, so that error messages can list
// the keys allowed there and `--set` can tell a real path from a typo — one source of truth for
// "which keys exist". Unions are resolved by looking at the data: an array picks the array option,
// an object with a discriminator (a fault's `kind`) picks the matching option, another object the
// option that has all its keys, anything else the first object option; a union nested in a union
// is looked into the same way.
import type { z } from "zod";
import { linksSchema } from "./schema.ts";

type AnySchema = z.core.$ZodType;

/** What a schema holds at one point of a path. */
export type SchemaPoint =
  | { kind: "object"; shape: Record<string, AnySchema> }
  | { kind: "record"; value: AnySchema; open: boolean }
  | { kind: "array"; element: AnySchema }
  | { kind: "leaf" };

// The parts of zod's definitions this walker reads; zod 4 keeps them on `_zod.def`.
interface LooseDef {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  options?: readonly AnySchema[];
  discriminator?: string;
  shape?: Record<string, AnySchema>;
  valueType?: AnySchema;
  element?: AnySchema;
  values?: readonly unknown[];
}

function defOf(schema: AnySchema): LooseDef {
  return schema._zod.def as unknown as LooseDef;
}

/** Strips wrappers that do not change structure: optional, default, transform pipes. */
function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (
      (def.type === "optional" || def.type === "default" || def.type === "nullable") &&
      def.innerType
    )
      current = def.innerType;
    else if (def.type === "pipe" && def.in) current = def.in;
    else return current;
  }
}

function chooseOption(def: LooseDef, data: unknown): AnySchema | undefined {
  const options = (def.options ?? []).map(unwrap);
  if (Array.isArray(data)) return options.find((option) => defOf(option).type === "array");
  // A union nested in a union (a latency: a duration, or one of the distributions told apart by
  // their kind) is looked into for an object.
  if (data === undefined || (data !== null && typeof data === "object")) {
    for (const option of options) {
      const inner = defOf(option).type === "union" ? chooseOption(defOf(option), data) : undefined;
      if (inner !== undefined) return inner;
    }
  }
  const objects = options.filter((option) => defOf(option).type === "object");
  if (def.discriminator !== undefined && data !== null && typeof data === "object") {
    const tag = (data as Record<string, unknown>)[def.discriminator];
    const matching = objects.find((option) => {
      const field = defOf(option).shape?.[def.discriminator as string];
      return field !== undefined && (defOf(unwrap(field)).values ?? []).includes(tag);
    });
    if (matching) return matching;
  }
  // Without a discriminator, the object option that has every key the data has (routing
  // { dns } or { lb }), else the first.
  if (data !== undefined && data !== null && typeof data === "object") {
    const keys = Object.keys(data);
    const fitting = objects.find(
      (option) => keys.length > 0 && keys.every((key) => key in (defOf(option).shape ?? {})),
    );
    if (fitting) return fitting;
  }
  if (data === undefined || (data !== null && typeof data === "object")) return objects[0];
  return undefined;
}

/** The structure of `schema` where the scenario holds `data`. */
export function schemaPoint(schema: AnySchema, data: unknown): SchemaPoint {
  let current = unwrap(schema);
  let def = defOf(current);
  if (def.type === "union") {
    const option = chooseOption(def, data);
    if (option === undefined) return { kind: "leaf" };
    current = option;
    def = defOf(current);
  }
  switch (def.type) {
    case "object":
      return { kind: "object", shape: def.shape ?? {} };
    case "record":
      return {
        kind: "record",
        value: def.valueType as AnySchema,
        open: current === unwrap(linksSchema),
      };
    case "array":
      return { kind: "array", element: def.element as AnySchema };
    default:
      return { kind: "leaf" };
  }
}

/** The schema of `key` below a point, or undefined when the point has no such key. */
export function childSchema(point: SchemaPoint, key: string | number): AnySchema | undefined {
  switch (point.kind) {
    case "object":
      return typeof key === "string" && Object.hasOwn(point.shape, key)
        ? point.shape[key]
        : undefined;
    case "record":
      return point.value;
    case "array":
      return point.element;
    case "leaf":
      return undefined;
  }
}

/** The keys allowed in the object at `path` of `root` (for "unknown key" messages); [] if not an object. */
export function allowedKeysAt(
  schema: AnySchema,
  root: unknown,
  path: readonly PropertyKey[],
): string[] {
  let current: AnySchema | undefined = schema;
  let data: unknown = root;
  for (const key of path) {
    if (current === undefined) return [];
    const point = schemaPoint(current, data);
    current = childSchema(point, typeof key === "number" ? key : String(key));
    data =
      data !== null && typeof data === "object"
        ? (data as Record<PropertyKey, unknown>)[key]
        : undefined;
  }
  if (current === undefined) return [];
  const point = schemaPoint(current, data);
  return point.kind === "object" ? Object.keys(point.shape) : [];
}
