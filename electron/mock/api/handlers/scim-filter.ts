/**
 * SCIM filters over a resource rendered as JSON: `userName eq "a@b.c"`, `name.givenName
 * sw "Ma"`, `emails[type eq "work" and value co "@acme"]`, `active eq true and not
 * (title pr)`. Attribute names are matched without regard to case, string values too
 * except for `id` and `externalId`, which are case-exact.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2
 */
import { scimError } from './scim-common';

export type ScimPredicate = (resource: Record<string, unknown>) => boolean;

type Token = { kind: 'word'; text: string } | { kind: 'string'; text: string } | { kind: 'punct'; text: '(' | ')' | '[' | ']' };

const COMPARE_OPS = new Set(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']);
const CASE_EXACT = new Set(['id', 'externalid']);

/**
 * Parses a filter; a mistake answers 400 `invalidFilter` naming the parameter.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2
 */
export function parseScimFilter(text: string, field = 'filter'): ScimPredicate {
  const tokens = tokenize(text, field);
  let at = 0;
  const fail = (why: string): never => {
    throw scimError(400, 'invalidFilter', `invalid "${field}": ${why}`);
  };
  const peekWord = (): string | undefined => {
    const token = tokens[at];
    return token?.kind === 'word' ? token.text.toLowerCase() : undefined;
  };
  const expect = (punct: string): void => {
    const token = tokens[at++];
    if (token?.kind !== 'punct' || token.text !== punct) fail(`expected "${punct}"`);
  };
  const orExpr = (): ScimPredicate => {
    const parts = [andExpr()];
    while (peekWord() === 'or') {
      at++;
      parts.push(andExpr());
    }
    return parts.length === 1 ? (parts[0] as ScimPredicate) : (r) => parts.some((p) => p(r));
  };
  const andExpr = (): ScimPredicate => {
    const parts = [unary()];
    while (peekWord() === 'and') {
      at++;
      parts.push(unary());
    }
    return parts.length === 1 ? (parts[0] as ScimPredicate) : (r) => parts.every((p) => p(r));
  };
  const unary = (): ScimPredicate => {
    if (peekWord() === 'not') {
      at++;
      expect('(');
      const inner = orExpr();
      expect(')');
      return (r) => !inner(r);
    }
    const token = tokens[at];
    if (token?.kind === 'punct' && token.text === '(') {
      at++;
      const inner = orExpr();
      expect(')');
      return inner;
    }
    return attributeExpression();
  };
  const attributeExpression = (): ScimPredicate => {
    const token = tokens[at++];
    if (token?.kind !== 'word' || !/^[A-Za-z][\w$:.-]*$/.test(token.text)) return fail('expected an attribute name');
    const path = token.text;
    const next = tokens[at];
    if (next?.kind === 'punct' && next.text === '[') {
      at++;
      const inner = orExpr();
      expect(']');
      return (r) => valuesAt(r, path).some((element) => typeof element === 'object' && element !== null && inner(element as Record<string, unknown>));
    }
    const op = peekWord();
    if (op === 'pr') {
      at++;
      return (r) => valuesAt(r, path).some((v) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0));
    }
    if (!op || !COMPARE_OPS.has(op)) return fail(`expected an operator after "${path}"`);
    at++;
    const operand = literal(tokens[at++], fail);
    const caseExact = CASE_EXACT.has(path.split('.').pop()?.toLowerCase() ?? '');
    return (r) => valuesAt(r, path).some((v) => compare(op, scalar(v), operand, caseExact));
  };
  const predicate = orExpr();
  if (at !== tokens.length) fail('unexpected text after the expression');
  return predicate;
}

/** The values at an attribute path, multi-valued attributes flattened. */
export function valuesAt(resource: Record<string, unknown>, path: string): unknown[] {
  let current: unknown[] = [resource];
  for (const name of path.split('.')) {
    current = current.flatMap((node) => {
      if (typeof node !== 'object' || node === null || Array.isArray(node)) return [];
      const key = Object.keys(node).find((k) => k.toLowerCase() === name.toLowerCase());
      const value = key === undefined ? undefined : (node as Record<string, unknown>)[key];
      return value === undefined ? [] : Array.isArray(value) ? value : [value];
    });
  }
  return current;
}

/** A complex value without a sub-attribute compares by its `value` (RFC 7644 §3.4.2.2). */
function scalar(value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'value' in value ? (value as { value: unknown }).value : value;
}

function compare(op: string, actual: unknown, expected: unknown, caseExact: boolean): boolean {
  const fold = (v: unknown) => (typeof v === 'string' && !caseExact ? v.toLowerCase() : v);
  const [a, b] = [fold(actual), fold(expected)];
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'co':
      return typeof a === 'string' && typeof b === 'string' && a.includes(b);
    case 'sw':
      return typeof a === 'string' && typeof b === 'string' && a.startsWith(b);
    case 'ew':
      return typeof a === 'string' && typeof b === 'string' && a.endsWith(b);
    default: {
      if (!((typeof a === 'string' && typeof b === 'string') || (typeof a === 'number' && typeof b === 'number'))) return false;
      return op === 'gt' ? a > b : op === 'ge' ? a >= b : op === 'lt' ? a < b : a <= b;
    }
  }
}

function literal(token: Token | undefined, fail: (why: string) => never): unknown {
  if (token?.kind === 'string') return token.text;
  if (token?.kind === 'word') {
    const lower = token.text.toLowerCase();
    if (lower === 'true' || lower === 'false') return lower === 'true';
    if (lower === 'null') return null;
    if (/^-?\d+(\.\d+)?$/.test(token.text)) return Number(token.text);
  }
  return fail('expected a value (a quoted string, a number, true, false or null)');
}

function tokenize(text: string, field: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:("(?:[^"\\]|\\.)*")|([()[\]])|([^\s()[\]"]+))/gy;
  let position = 0;
  while (position < text.length) {
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (!match) break;
    position = pattern.lastIndex;
    if (match[1] !== undefined) {
      try {
        tokens.push({ kind: 'string', text: JSON.parse(match[1]) as string });
      } catch {
        throw scimError(400, 'invalidFilter', `invalid "${field}": a malformed string`);
      }
    } else if (match[2] !== undefined) tokens.push({ kind: 'punct', text: match[2] as '(' | ')' | '[' | ']' });
    else if (match[3] !== undefined) tokens.push({ kind: 'word', text: match[3] });
  }
  const rest = text.slice(position).trim();
  if (rest !== '') throw scimError(400, 'invalidFilter', `invalid "${field}": ${rest.startsWith('"') ? 'an unterminated string' : `unexpected "${rest}"`}`);
  if (tokens.length === 0) throw scimError(400, 'invalidFilter', `invalid "${field}": it is empty`);
  return tokens;
}
