// The personal values of a body: every person's name, aliases, date of birth, address, documents, contacts.
import type { FreeTextKind } from '../types.js';
import { walkBody } from './body-walk.js';

/** One structured personal value, with the field it sits in. */
export interface PersonalValue {
  /** Concrete pointer of the structured field. */
  pointer: string;
  kind: FreeTextKind;
  value: string;
}

const PLACE_PARTS = new Set(['street', 'locality', 'municipality', 'postalCode']);

/** The kind of personal data a field of a person holds, by its name (and its parent's, for places). */
export function kindOfField(key: string, parent?: string): FreeTextKind | undefined {
  if (parent === 'address' && PLACE_PARTS.has(key)) return 'address';
  if (parent === 'placeOfBirth' && PLACE_PARTS.has(key)) return 'place-of-birth';
  if (parent === 'aliases') return 'name';
  switch (key) {
    case 'name':
    case 'aliases':
    case 'fullName':
    case 'givenName':
    case 'familyName':
      return 'name';
    case 'dateOfBirth':
      return 'date-of-birth';
    case 'address':
      return 'address';
    case 'placeOfBirth':
      return 'place-of-birth';
    case 'identityDocument':
    case 'licenceNumber':
    case 'documentNumber':
    case 'personalNumber':
      return 'document';
    case 'phone':
      return 'phone';
    case 'email':
      return 'email';
    default:
      return undefined;
  }
}

/** The personal values of one person or party at `pointer` (none for an entity). */
export function valuesOfPerson(pointer: string, person: Record<string, unknown>): PersonalValue[] {
  if (person.kind === 'entity') return [];
  const out: PersonalValue[] = [];
  const visit = (v: unknown, at: string, key: string, parent?: string) => {
    const kind = kindOfField(key, parent);
    if (typeof v === 'string' && kind && v.trim().length > 0)
      out.push({ pointer: at, kind, value: v });
    else if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${at}/${i}`, String(i), key));
    else if (v !== null && typeof v === 'object' && kind)
      for (const [k, x] of Object.entries(v)) visit(x, `${at}/${k}`, k, key);
  };
  for (const [k, v] of Object.entries(person)) visit(v, `${pointer}/${k}`, k);
  return out;
}

/**
 * Every personal value of every person and party in the body (possessor, last known legal owner,
 * the parties of a chain of custody, the persons of seized items), each with its field and kind.
 * A party that is an entity (`kind: entity`) is not a person and is skipped.
 */
export function personalValues(type: string, body: unknown): PersonalValue[] {
  const out: PersonalValue[] = [];
  walkBody(type, body, { person: (pointer, p) => out.push(...valuesOfPerson(pointer, p)) });
  return out;
}
