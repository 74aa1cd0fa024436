import { boundedText, opaque, uuid } from "./common";

const fields = {
  cycle: uuid.optional(),
  q: boundedText(100).optional(),
  after: opaque(400).optional(),
  before: opaque(400).optional(),
};

export interface PeopleQuery {
  cycle?: string;
  q?: string;
  after?: string;
  before?: string;
}

/** The people directory's URL: an unreadable value is dropped, the rest of the view still shows. */
export function peopleQueryFromSearchParams(raw: Record<string, string | string[] | undefined>): PeopleQuery {
  const out: PeopleQuery = {};
  for (const key of Object.keys(fields) as Array<keyof typeof fields>) {
    const value = raw[key];
    const parsed = fields[key].safeParse(Array.isArray(value) ? value[0] : value);
    if (parsed.success && parsed.data) out[key] = parsed.data;
  }
  return out;
}
