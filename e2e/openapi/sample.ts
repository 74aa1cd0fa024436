/**
 * Bodies made from the JSON Schemas of the OpenAPI document (/api/openapi.json): one that the
 * schema accepts, and one that it refuses. Small on purpose: it knows the keywords that
 * `z.toJSONSchema` writes (type, enum, const, anyOf/oneOf, properties/required, items, min/max,
 * minLength/maxLength, pattern, format, default, examples), nothing more.
 */

export type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
};

/** Values for ids and other things only the running organisation knows, by property name. */
export type Known = (name: string) => unknown;

/** Strings tried, in order, against a pattern the schema names. */
const CANDIDATES = ["contract-text", "09:00", "EUR", "1", "abc", "a"];

function sampleString(schema: Schema, name: string, known: Known): string {
  const fromWorld = known(name);
  if (typeof fromWorld === "string") return fromWorld;
  if (schema.format === "uuid") return crypto.randomUUID();
  if (schema.format === "email") return `contract-${crypto.randomUUID().slice(0, 8)}@example.test`;
  if (schema.format === "date") return "2026-06-30";
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 200;
  const fits = (value: string) => value.length >= min && value.length <= max && (!schema.pattern || new RegExp(schema.pattern, "u").test(value));
  const found = [...CANDIDATES, "Contract text".padEnd(min, "x")].find(fits);
  if (found === undefined) throw new Error(`No sample string for ${name}: ${JSON.stringify(schema)}`);
  return found;
}

/** A value `schema` accepts; required properties only, ids from `known`. */
export function validSample(schema: Schema, known: Known, name = ""): unknown {
  if (schema.examples?.length) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches?.length) {
    // Prefer a branch that is not null, so that an optional id is filled when it is sent at all.
    const branch = branches.find((candidate) => candidate.type !== "null") ?? branches[0];
    return validSample(branch ?? {}, known, name);
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const type = types.find((candidate) => candidate === "number" || candidate === "integer") ?? types[0];
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = validSample(schema.properties?.[key] ?? {}, known, key);
      return out;
    }
    case "array": {
      const fromWorld = known(name);
      if (Array.isArray(fromWorld)) return fromWorld;
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => validSample(schema.items ?? {}, known, name));
    }
    case "string":
      return sampleString(schema, name, known);
    case "number":
    case "integer": {
      const low = schema.minimum ?? 1;
      return Math.min(Math.max(low, 1), schema.maximum ?? Number.MAX_SAFE_INTEGER);
    }
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return schema.default ?? {};
  }
}

/** A value no schema of these kinds accepts where it expects a scalar, and no object schema accepts either. */
function wrongFor(schema: Schema): unknown {
  const types = new Set(Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);
  return types.has("object") ? "not an object" : { unexpected: ["object"] };
}

/**
 * A body the schema refuses, and the property at fault: the first required property given a value
 * of the wrong kind (or the first property, or the whole body when it has none).
 */
export function invalidSample(schema: Schema, known: Known): { body: unknown; field: string | null } {
  const valid = validSample(schema, known);
  const names = [...(schema.required ?? []), ...Object.keys(schema.properties ?? {})];
  const field = names[0];
  if (!field || !valid || typeof valid !== "object" || Array.isArray(valid)) return { body: ["not", "an", "object"], field: null };
  return { body: { ...valid, [field]: wrongFor(schema.properties?.[field] ?? {}) }, field };
}
