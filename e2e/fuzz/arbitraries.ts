import fc from "fast-check";
import type { FieldKind, Fields, ParamKind, World } from "./forms";

/**
 * Values each kind of field must refuse, and only such values: the fuzz test sends a valid body
 * with one field replaced, so an accepted value here would be a real write (and a failed test).
 */

const MEGABYTE = 1_000_000;

/** Somewhere in the string, a NUL or a lone surrogate: no text field may store either. */
const unstorable = fc
  .tuple(fc.string({ maxLength: 20 }), fc.constantFrom("\u0000", "\udfff", "\ud800", "\udc00\ud800", "a\u0000\udfff"), fc.string({ maxLength: 20 }))
  .map(([before, bad, after]) => `${before}${bad}${after}`);

/** Values of the wrong JSON type for any field that takes a string. */
const notAString = fc.oneof(
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/**
 * An object nested 1 to 10,000 levels deep where a plain value belongs. JSON.stringify cannot
 * write that deep, so a marker stands in for it and {@link serialize} writes the text.
 */
const deeplyNested = fc.integer({ min: 1, max: 10_000 }).map((depth) => `@@deeply-nested-${depth}@@`);

/** A body as JSON text, with each deep-nesting marker written out in full. */
export function serialize(body: unknown): string {
  return JSON.stringify(body).replace(/"@@deeply-nested-(\d+)@@"/g, (_, depth: string) => `${'{"a":'.repeat(Number(depth))}"bottom"${"}".repeat(Number(depth))}`);
}

/** Letters only, so trimming cannot shorten it back into range. */
const longText = (minLength: number) =>
  fc.oneof(
    { weight: 9, arbitrary: fc.integer({ min: minLength, max: minLength + 200 }).map((length) => "x".repeat(length)) },
    { weight: 1, arbitrary: fc.constant("y".repeat(MEGABYTE)) },
  );

const huge = fc.constantFrom(1e300, -1e300, 1e-300, -1e-300, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53, -(2 ** 53), 1e21);

/** Refused by every kind that is not a free-form secret. */
const junk = fc.oneof({ weight: 6, arbitrary: unstorable }, { weight: 1, arbitrary: deeplyNested }, { weight: 1, arbitrary: fc.constant("z".repeat(MEGABYTE)) });

const nonUuid = fc.oneof(fc.string({ maxLength: 40 }).map((s) => `not-a-uuid-${s}`), fc.constantFrom("00000000-0000-0000-0000-00000000000g", "{}", " "));

function invalidFor(field: FieldKind, world: World): fc.Arbitrary<unknown> {
  switch (field.kind) {
    case "text":
      return fc.oneof(
        junk,
        notAString,
        longText(field.max + 1),
        ...(field.min > 0 ? [fc.constantFrom("", "   ", "\n\t "), fc.constant(null)] : []),
        ...(field.min > 1 ? [fc.constant("x".repeat(field.min - 1))] : []),
      );
    case "secret":
      return fc.oneof(notAString, deeplyNested, fc.constant(null), longText(field.max + 1), fc.constant("x".repeat(field.min - 1)));
    case "uuid":
      return fc.oneof(junk, nonUuid, notAString, ...(field.nullable ? [] : [fc.constant(null), fc.constant("")]));
    case "choice":
      // A number from a fixed list (or null where that is allowed): anything else, numbers included.
      return fc.oneof(
        junk,
        fc.boolean(),
        fc.constantFrom(...field.values).map(String),
        fc.integer().filter((value) => !field.values.includes(value)),
        // Finite: JSON writes NaN and Infinity as null, which a nullable choice accepts.
        fc.double({ noInteger: true, noNaN: true, noDefaultInfinity: true }),
        ...(field.nullable ? [] : [fc.constant(null)]),
      );
    case "enum":
      return fc.oneof(
        junk,
        notAString,
        fc.constant(null),
        fc.string({ maxLength: 20 }).filter((value) => !field.values.includes(value)),
        fc.constantFrom(...field.values).map((value) => value.toUpperCase()),
      );
    case "decimal":
      return fc.oneof(
        junk,
        huge,
        fc.constant(null),
        fc.boolean(),
        fc.array(fc.integer(), { minLength: 1, maxLength: 2 }),
        fc.constantFrom("1e400", "Infinity", "NaN", "", "--1", "1.2345678", "1234567890123456", "0x10", "1 2", "1,2,3", "½"),
        ...(field.positive ? [fc.constantFrom("0", "-1", 0, -0.5)] : []),
      );
    case "int":
      return fc.oneof(
        junk,
        huge,
        fc.constant(null),
        fc.boolean(),
        fc.constantFrom([69], "69e0", "0x45", " 69 ", "6.9", "", "1.0", field.min - 1, field.max + 1, 1.5, String(field.max + 1)),
        fc.double({ min: field.min, max: field.max, noNaN: true }).filter((value) => !Number.isInteger(value)),
      );
    case "share":
      // Not the tiny positive ones: 1e-300 is a share between 0 and 1.
      return fc.oneof(
        junk,
        huge.filter((value) => value < 0 || value > 1),
        fc.boolean(),
        fc.constantFrom("0.5", [0.5], 1.0001, -0.0001, 2, -1, -Number.MIN_VALUE),
        fc.string({ maxLength: 5 }),
      );
    case "date":
      return fc.oneof(
        junk,
        notAString,
        // Not "": a new key result reads it as "no due date".
        fc.constantFrom("0000-01-01", "1899-12-31", "2201-01-01", "9999-12-31", "2026-02-30", "2026-13-01", "2026-1-1", "26-01-01", "2026-01-01T00:00:00Z"),
        fc.oneof(fc.integer({ min: 0, max: 1899 }), fc.integer({ min: 2201, max: 9999 })).map((year) => `${String(year).padStart(4, "0")}-06-15`),
      );
    case "email":
      return fc.oneof(junk, notAString, fc.constant(null), fc.constantFrom("not-an-email", "a@b", "@example.test", "a @b.no", ""), longText(255).map((s) => `${s}@example.test`));
    case "slug":
      return fc.oneof(
        junk,
        notAString,
        fc.constantFrom("-starts-with-dash", "ends-with-dash-", "under_score", "dot.ted", "sp ace", "x".repeat(41), "api", "sign-in"),
        ...(field.optional ? [] : [fc.constant(""), fc.constant(null)]),
      );
    case "currency":
      return fc.oneof(junk, fc.integer(), fc.boolean(), fc.constantFrom("NO", "NOKK", "N0K", "123", "€€€", " N O K "));
    case "uuids":
      return fc.oneof(
        junk,
        fc.constant(null),
        fc.string({ maxLength: 10 }),
        fc.constant([]),
        fc.constant(Array.from({ length: field.max + 1 }, () => crypto.randomUUID())),
        fc.tuple(nonUuid, fc.nat({ max: 3 })).map(([bad, at]) => [...Array.from({ length: at }, () => crypto.randomUUID()), bad]),
      );
    case "url":
      // Not a URL, or one Retning may never call: another scheme, credentials, a cloud metadata address over https.
      return fc.oneof(
        junk,
        notAString,
        fc.constant(null),
        longText(2001),
        fc.constantFrom("", "   ", "not a url", "//example.com", "ftp://example.com/x", "javascript:alert(1)", "file:///etc/passwd", "https://user:pw@example.com/", "gopher://127.0.0.1:9/"),
      );
    case "enums":
      return fc.oneof(
        junk,
        fc.constant(null),
        fc.string({ maxLength: 10 }),
        fc.constant([]),
        fc.constant(Array.from({ length: field.values.length + 1 }, () => field.values[0])),
        fc.string({ maxLength: 20 }).filter((value) => !field.values.includes(value)).map((bad) => [field.values[0], bad]),
        fc.constantFrom(...field.values).map((value) => [value.toUpperCase()]),
      );
    case "csv":
      // Not the megabyte strings: a file over the limit is a 413 (tested beside the service).
      return fc.oneof(unstorable, deeplyNested, notAString, fc.constant(null), fc.constantFrom("", "   ", "\r\n"));
    case "rows":
      return fc.oneof(
        junk,
        fc.constant(null),
        fc.string({ maxLength: 10 }),
        ...(field.min > 0 ? [fc.constant([])] : []),
        fc.constant(Array.from({ length: field.max + 1 }, () => field.validRow(world))),
        fc.constantFrom(1, "row", null).map((bad) => [bad]),
      );
  }
}

export interface Corruption {
  /** The field whose value was replaced (dotted for a row's field), or null for the body itself. */
  field: string | null;
  /** The raw request body. */
  body: string;
}

/** One row of a list with one of its fields replaced: the error names `field.index.rowField`. */
function corruptRow(name: string, field: Extract<FieldKind, { kind: "rows" }>, valid: Record<string, unknown>, world: World): fc.Arbitrary<Corruption> {
  const rowFields = Object.entries(field.row);
  return fc
    .tuple(fc.constantFrom(...rowFields), fc.nat({ max: 2 }))
    .chain(([[rowField, kind], index]) =>
      invalidFor(kind, world).map((bad) => {
        const rows = Array.from({ length: index + 1 }, () => field.validRow(world));
        rows[index] = { ...field.validRow(world), [rowField]: bad };
        return { field: `${name}.${index}.${rowField}`, body: serialize({ ...valid, [name]: rows }) };
      }),
    );
}

/** Whole bodies that are not an object at all, or not JSON. */
const brokenBody: fc.Arbitrary<Corruption> = fc.oneof(
  fc.constantFrom("[]", '"text"', "1", "null", "true", "{", '{"a":', "", "\u0000", "{'single': 'quotes'}").map((body) => ({ field: null, body })),
  fc.integer({ min: 1000, max: 100_000 }).map((depth) => ({ field: null, body: `${"[".repeat(depth)}${"]".repeat(depth)}` })),
);

/** A valid body with one field replaced by a value its kind refuses, or a broken body. */
export function corruptedBodies(fields: Fields, valid: (world: World) => Record<string, unknown>, world: World): fc.Arbitrary<Corruption> {
  const perField = Object.entries(fields).map(([name, kind]) => {
    if (kind.kind === "rows") {
      return fc.oneof(
        corruptRow(name, kind, valid(world), world),
        invalidFor(kind, world).map((bad) => ({ field: name, body: serialize({ ...valid(world), [name]: bad }) })),
      );
    }
    return invalidFor(kind, world).map((bad) => ({ field: name, body: serialize({ ...valid(world), [name]: bad }) }));
  });
  return fc.oneof({ weight: 9, arbitrary: fc.oneof(...perField) }, { weight: 1, arbitrary: brokenBody });
}

/** A path segment (as sent, percent-encoded) that names nothing of its kind. */
export function invalidParam(kind: ParamKind): fc.Arbitrary<string> {
  const encoded = fc.string({ maxLength: 30 }).map((s) => encodeURIComponent(s));
  const common = fc.oneof(
    fc.constantFrom("%00", "a%00b", "%C0%AE", "%ud800", "%ED%A0%80", "%E0%80", "%", "%zz", "%FF%FE", "a%2Fb", "%5C"),
    fc.integer({ min: 1000, max: 4000 }).map((length) => "z".repeat(length)),
    encoded.map((s) => `${s}%00`),
  );
  if (kind === "org") return fc.oneof(common, fc.constantFrom("NORDLYS", "nord'lys", "nord%20lys"));
  if (kind === "token") return fc.oneof(common, fc.constantFrom("short", "a%2Fb%2Fc%2Fd%2Fe%2Ff", "x".repeat(201), "bad%20token%20here"));
  return fc.oneof(common, encoded.map((s) => `x${s}`), fc.constantFrom("00000000-0000-0000-0000-00000000000g", "123"));
}
