/**
 * The Search API over the seeded tenant: the query as a form field, a JSON body or an
 * object; term filters, selected fields, sorting, paging and the errors that name the
 * part of the query at fault.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestTenant, TEST_NOW, type TestTenant } from '../testing/api-request';

interface Hit {
  name: string;
  display_name: string;
  selected_fields: unknown[];
  account_id?: string;
  parent_account?: { name: string; display_name: string; selected_fields: unknown[] } | null;
}
interface SearchBody {
  response: Record<string, { total_hits: number; hits: Hit[] }>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

let tenant: TestTenant;

beforeEach(async () => {
  tenant = await openTestTenant();
});

afterEach(async () => {
  await tenant.close();
});

/** The query as Totango's curl example sends it: a form field holding JSON text. */
const form = (query: object) => ({ body: { query: JSON.stringify(query) }, contentType: 'application/x-www-form-urlencoded' });

async function accounts(query: object): Promise<{ total_hits: number; hits: Hit[] }> {
  const body = await tenant.bodyOf<SearchBody>('search-accounts', form(query));
  return body.response['accounts'] as { total_hits: number; hits: Hit[] };
}

describe('search accounts', () => {
  it('filters paying accounts by status group and returns the selected fields in order', async () => {
    const result = await accounts({
      terms: [{ type: 'string', term: 'status_group', in_list: ['paying'] }],
      fields: [{ type: 'string', term: 'health', field_display_name: 'Health' }, { type: 'string_attribute', attribute: 'Success Manager', field_display_name: 'CSM' }],
      count: 1000,
      offset: 0,
      sort_by: 'display_name',
      sort_order: 'ASC',
      scope: 'all',
    });
    expect(result.total_hits).toBe(5);
    expect(result.hits.map((h) => h.display_name)).toEqual(['Bluepeak Analytics', 'Copperline Manufacturing', 'Harbor & Finch Insurance', 'Northwind Logistics', 'Solstice Energy']);
    expect(result.hits[2]).toEqual({ name: '0013', display_name: 'Harbor & Finch Insurance', selected_fields: ['poor', 'Maya Cohen'] });
  });

  it('pages with count and offset while total_hits counts every match', async () => {
    const page = await accounts({ terms: [], fields: [], count: 2, offset: 2, sort_by: 'name', sort_order: 'ASC' });
    expect(page.total_hits).toBe(7);
    expect(page.hits.map((h) => h.name)).toEqual(['0013', '0014']);
  });

  it('sorts by a numeric attribute in descending order', async () => {
    const result = await accounts({ terms: [{ type: 'number_attribute', attribute: 'Contract Value', gte: 100000 }], fields: [], sort_by: 'Contract Value', sort_order: 'DESC' });
    expect(result.hits.map((h) => h.name)).toEqual(['0013', '0011', '0017']);
  });

  it('filters by a date attribute and by account id', async () => {
    const soon = await accounts({ terms: [{ type: 'date', term: 'date_attribute', attribute: 'Contract Renewal Date', lte: TEST_NOW + 60 * DAY_MS }], fields: [] });
    expect(soon.hits.map((h) => h.name).sort()).toEqual(['0013', '0014', '0016']);
    const one = await accounts({ terms: [{ type: 'string', term: 'identifier', eq: '0017' }], fields: [] });
    expect(one.hits.map((h) => h.display_name)).toEqual(['Solstice Energy']);
  });

  it('accepts the query as a JSON body and as an object', async () => {
    const query = { terms: [{ type: 'string_attribute', attribute: 'Industry', eq: 'insurance' }], fields: [] };
    const asBody = await tenant.bodyOf<SearchBody>('search-accounts', { body: query });
    const asObject = await tenant.bodyOf<SearchBody>('search-accounts', { body: { query } });
    expect(asBody.response['accounts']?.hits.map((h) => h.name)).toEqual(['0013']);
    expect(asObject).toEqual(asBody);
  });

  it('names an unsupported term type', async () => {
    const error = await tenant.callError('search-accounts', form({ terms: [{ type: 'health_trend_term', term: 'x' }], fields: [] }));
    expect(error.status).toBe(400);
    expect(error.field).toBe('query.terms[0].type');
    expect(error.message).toBe('unsupported term type "health_trend_term" in "query.terms[0].type"');
  });

  it('names an unknown built-in term', async () => {
    const error = await tenant.callError('search-accounts', form({ terms: [{ type: 'or', or: [{ type: 'string', term: 'colour', eq: 'red' }] }] }));
    expect(error.field).toBe('query.terms[0].or[0].term');
    expect(error.message).toMatch(/^unknown term "colour" in "query.terms\[0\].or\[0\].term"/);
  });

  it('refuses a count above 1000, malformed JSON and a missing query', async () => {
    expect((await tenant.callError('search-accounts', form({ terms: [], count: 1001 }))).field).toBe('query.count');
    const malformed = await tenant.callError('search-accounts', { body: { query: '{"terms": [' } });
    expect([malformed.status, malformed.message]).toEqual([400, '"query" is not valid JSON']);
    const missing = await tenant.callError('search-accounts', {});
    expect([missing.status, missing.field, missing.message]).toEqual([400, 'query', 'missing "query": send it as a form field (JSON text) or send the query object as a JSON body']);
  });

  it('names "terms" when a JSON body is the query and lacks them, not a missing "query"', async () => {
    const noTerms = await tenant.callError('search-accounts', { body: { count: 5 } });
    expect([noTerms.status, noTerms.field, noTerms.message]).toEqual([400, 'query.terms', '"query.terms" must be a list of terms']);
  });
});

describe('search users', () => {
  it('finds the contacts of one account with their parent account fields', async () => {
    const body = await tenant.bodyOf<SearchBody>(
      'search-users',
      form({
        terms: [{ type: 'string', term: 'account_id', eq: '0013' }],
        fields: [{ type: 'string_attribute', attribute: 'Title', field_display_name: 'Title' }],
        parent_account_fields: [{ type: 'string_attribute', attribute: 'Status', field_display_name: 'Status' }],
        sort_by: 'display_name',
      }),
    );
    const users = body.response['users'];
    expect(users?.total_hits).toBe(4);
    expect(users?.hits[0]).toEqual({
      name: 'aiko.tanaka@harborfinch.example',
      display_name: 'Aiko Tanaka',
      selected_fields: ['Underwriting Analyst'],
      account_id: '0013',
      parent_account: { name: '0013', display_name: 'Harbor & Finch Insurance', selected_fields: ['Paying'] },
    });
  });
});

describe('search collections', () => {
  it('searches the items of the collection type the query names', async () => {
    const body = await tenant.bodyOf<SearchBody>('search-collections', form({ collection_type: 'Products', terms: [{ type: 'string', term: 'account_id', in_list: ['0011'] }], fields: [{ type: 'number_attribute', attribute: 'Seats' }] }));
    const collections = body.response['collections'];
    expect(collections?.hits.map((h) => [h.name, h.display_name, h.selected_fields])).toEqual([['prd-0011-1', 'Route Optimizer', [320]]]);
  });

  it('asks for the collection type and names the known ones', async () => {
    const missing = await tenant.callError('search-collections', form({ terms: [] }));
    expect([missing.status, missing.field]).toEqual([400, 'query.collection_type']);
    const unknown = await tenant.callError('search-collections', form({ collection_type: 'Invoices', terms: [] }));
    expect(unknown.message).toBe('unknown collection type "Invoices" in "query.collection_type" (known: Products, Subscriptions)');
  });
});
