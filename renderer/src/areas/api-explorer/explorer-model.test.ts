import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../../shared/catalogue';
import { coverageOf } from './coverage';
import { catalogueEntry, ENDPOINT_GROUPS, filterGroups } from './endpoint-groups';
import { checkDraft, draftFromExample } from './request-draft';

const TOKEN_SCOPES = ['account:read', 'touchpoint:all'];

describe('coverageOf', () => {
  it('names the granted scope and the rule that covers an endpoint, or says it is not covered', () => {
    expect(coverageOf(TOKEN_SCOPES, catalogueEntry('create-touchpoint').requiredScope)).toEqual({ state: 'covered', text: 'covered by touchpoint:all (all)', color: 'teal' });
    expect(coverageOf(TOKEN_SCOPES, catalogueEntry('list-touchpoint-types').requiredScope).text).toBe('covered by touchpoint:all (all)');
    expect(coverageOf(TOKEN_SCOPES, catalogueEntry('search-accounts').requiredScope).text).toBe('covered by account:read (exact)');
    expect(coverageOf(TOKEN_SCOPES, catalogueEntry('upsert-accounts').requiredScope)).toEqual({ state: 'not-covered', text: 'not covered', color: 'red' });
    expect(coverageOf(['account:upsert'], catalogueEntry('upsert-accounts').requiredScope).text).toBe('covered by account:upsert (exact)');
    expect(coverageOf(['system_user:upsert'], catalogueEntry('scim-create-user').requiredScope).text).toBe('covered by system_user:upsert (upsert)');
    expect(coverageOf(['admin'], catalogueEntry('whoami').requiredScope).text).toBe('covered by admin (admin)');
    expect(coverageOf(null, catalogueEntry('whoami').requiredScope)).toEqual({ state: 'no-token', text: 'no token', color: 'gray' });
  });
});

describe('the endpoint groups', () => {
  it('hold all 29 endpoints once, by the entity of their scope, in the catalogue order', () => {
    expect(ENDPOINT_GROUPS.map((group) => group.heading)).toEqual(['Accounts', 'Users', 'Collections', 'Events', 'Totango users and teams', 'Touchpoints']);
    const listed = ENDPOINT_GROUPS.flatMap((group) => group.endpoints.map((e) => e.id));
    expect(listed).toHaveLength(CATALOGUE.length);
    expect(new Set(listed).size).toBe(CATALOGUE.length);
    expect(ENDPOINT_GROUPS.find((g) => g.entity === 'touchpoint')?.endpoints.map((e) => e.id)).toEqual([
      'create-touchpoint',
      'update-touchpoint',
      'delete-touchpoint',
      'list-touchpoint-types',
      'list-touchpoint-tags',
      'list-activity-types',
    ]);
  });

  it('filter on every word, across method, path, scope, name and group', () => {
    expect(filterGroups('touch create').flatMap((g) => g.endpoints.map((e) => e.id))).toEqual(['create-touchpoint']);
    expect(filterGroups('DELETE').flatMap((g) => g.endpoints.map((e) => e.id))).toEqual(['delete-account-user', 'delete-touchpoint']);
    expect(filterGroups('system_user:update').flatMap((g) => g.endpoints)).toHaveLength(4);
    expect(filterGroups('  ')).toBe(ENDPOINT_GROUPS);
    expect(filterGroups('no such thing')).toEqual([]);
  });
});

describe('a request draft', () => {
  const updateTouchpoint = catalogueEntry('update-touchpoint');
  const example = { endpointId: 'update-touchpoint' as const, pathParams: { 'note-id': '30001' }, query: { a: '1' }, body: { kind: 'json' as const, json: { subject: 'Review' } } };

  it('gives back the example as a request while nothing is wrong', () => {
    expect(checkDraft(updateTouchpoint, draftFromExample(example)).request).toEqual(example);
  });

  it('refuses invalid JSON, an empty path parameter and a nameless query parameter, saying which', () => {
    const draft = draftFromExample(example);
    const broken = checkDraft(updateTouchpoint, { ...draft, body: { kind: 'json', text: '{"subject": ' } });
    expect(broken.request).toBeNull();
    expect(broken.problems.body).toMatch(/^Not valid JSON: /);

    const noPath = checkDraft(updateTouchpoint, { ...draft, pathParams: { 'note-id': ' ' } });
    expect(noPath.problems.pathParams).toEqual({ 'note-id': 'The path needs "note-id"' });
    expect(noPath.request).toBeNull();

    const [param] = draft.query;
    const nameless = checkDraft(updateTouchpoint, { ...draft, query: [{ ...param!, name: '' }] });
    expect(Object.values(nameless.problems.query)).toEqual(['A query parameter needs a name']);
  });

  it("edits the Search API's JSON form field pretty, and sends it compact", () => {
    const search = { endpointId: 'search-accounts' as const, pathParams: {}, query: {}, body: { kind: 'form' as const, fields: { query: '{"count":20}' } } };
    const draft = draftFromExample(search);
    expect(draft.body).toEqual({ kind: 'form', fields: [{ name: 'query', value: '{\n  "count": 20\n}', json: true }] });
    expect(checkDraft(catalogueEntry('search-accounts'), draft).request).toEqual(search);
    const broken = checkDraft(catalogueEntry('search-accounts'), { ...draft, body: { kind: 'form', fields: [{ name: 'query', value: '{', json: true }] } });
    expect(broken.problems.fields['query']).toMatch(/^Not valid JSON/);
  });
});
