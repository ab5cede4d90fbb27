/**
 * A request being edited in the explorer: path parameters, query parameters and the body
 * as text, made from the Lab's example (`calls.example`), checked as it is typed, and
 * turned back into the contract's request once every part is valid.
 */
import type { EndpointId } from '../../../../shared/catalogue';
import type { CatalogueRequestView } from '../../../../shared/contract/client-schemas';
import type { CatalogueEntry } from './endpoint-groups';

export interface QueryParamDraft {
  /** Stable across edits, for React's list keys. */
  readonly id: number;
  readonly name: string;
  readonly value: string;
}

/** A form field (the Search API's `query`); `json` when its value must be JSON. */
export interface FormFieldDraft {
  readonly name: string;
  readonly value: string;
  readonly json: boolean;
}

export type BodyDraft = { readonly kind: 'none' } | { readonly kind: 'json'; readonly text: string } | { readonly kind: 'form'; readonly fields: readonly FormFieldDraft[] };

export interface RequestDraft {
  readonly endpointId: EndpointId;
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query: readonly QueryParamDraft[];
  readonly body: BodyDraft;
}

export interface DraftProblems {
  readonly pathParams: Readonly<Record<string, string>>;
  /** By query parameter id. */
  readonly query: Readonly<Record<number, string>>;
  /** The JSON body's problem. */
  readonly body?: string;
  /** By form field name. */
  readonly fields: Readonly<Record<string, string>>;
}

let nextQueryId = 1;

export function newQueryParam(name = '', value = ''): QueryParamDraft {
  return { id: nextQueryId++, name, value };
}

function isJsonText(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

export function prettyJson(text: string): string {
  return JSON.stringify(JSON.parse(text), null, 2);
}

export function draftFromExample(example: CatalogueRequestView): RequestDraft {
  const body = example.body;
  return {
    endpointId: example.endpointId,
    pathParams: { ...example.pathParams },
    query: Object.entries(example.query).map(([name, value]) => newQueryParam(name, value)),
    body:
      body === undefined
        ? { kind: 'none' }
        : body.kind === 'json'
          ? { kind: 'json', text: JSON.stringify(body.json, null, 2) }
          : { kind: 'form', fields: Object.entries(body.fields).map(([name, value]) => (isJsonText(value) ? { name, value: prettyJson(value), json: true } : { name, value, json: false })) },
  };
}

/** Why `text` is not JSON, or undefined when it is. */
export function jsonProblem(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return `Not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export function checkDraft(endpoint: CatalogueEntry, draft: RequestDraft): { readonly problems: DraftProblems; readonly request: CatalogueRequestView | null } {
  const pathParams: Record<string, string> = {};
  for (const name of endpoint.pathParams) if ((draft.pathParams[name] ?? '').trim() === '') pathParams[name] = `The path needs "${name}"`;
  const query: Record<number, string> = {};
  const seen = new Set<string>();
  for (const param of draft.query) {
    const name = param.name.trim();
    if (name === '') query[param.id] = 'A query parameter needs a name';
    else if (seen.has(name)) query[param.id] = `"${name}" is named twice`;
    seen.add(name);
  }
  const fields: Record<string, string> = {};
  let body: string | undefined;
  if (draft.body.kind === 'json') body = jsonProblem(draft.body.text);
  if (draft.body.kind === 'form') {
    for (const field of draft.body.fields) {
      const problem = field.json ? jsonProblem(field.value) : undefined;
      if (problem !== undefined) fields[field.name] = problem;
    }
  }
  const problems: DraftProblems = { pathParams, query, fields, ...(body === undefined ? {} : { body }) };
  const valid = Object.keys(pathParams).length === 0 && Object.keys(query).length === 0 && Object.keys(fields).length === 0 && body === undefined;
  return { problems, request: valid ? toRequest(endpoint, draft) : null };
}

function toRequest(endpoint: CatalogueEntry, draft: RequestDraft): CatalogueRequestView {
  const pathParams = Object.fromEntries(endpoint.pathParams.map((name) => [name, (draft.pathParams[name] ?? '').trim()]));
  const query = Object.fromEntries(draft.query.map((param) => [param.name.trim(), param.value]));
  const body = draft.body;
  return {
    endpointId: draft.endpointId,
    pathParams,
    query,
    ...(body.kind === 'json' ? { body: { kind: 'json' as const, json: JSON.parse(body.text) as unknown } } : {}),
    // A JSON form field is sent compact, as the Search API's examples write it.
    ...(body.kind === 'form' ? { body: { kind: 'form' as const, fields: Object.fromEntries(body.fields.map((f) => [f.name, f.json ? JSON.stringify(JSON.parse(f.value)) : f.value])) } } : {}),
  };
}
