/**
 * Integration Hub upserts and the User Delete API: what they create and update shows in
 * the searches and survives a reopen; a bad record fails the whole batch and is named.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TenantData } from '../tenant-data';
import { openTestTenant, TEST_NOW, type TestTenant } from '../testing/api-request';

interface Summary {
  status: string;
  time_received: string;
  created: number;
  updated: number;
  created_ids: string[];
  updated_ids: string[];
}
interface SearchBody {
  response: Record<string, { total_hits: number; hits: { name: string; display_name: string; selected_fields: unknown[] }[] }>;
}

let tenant: TestTenant;

beforeEach(async () => {
  tenant = await openTestTenant();
});

afterEach(async () => {
  await tenant.close();
});

const searchOne = async (endpoint: 'search-accounts' | 'search-users', id: string, attribute: string) =>
  (await tenant.bodyOf<SearchBody>(endpoint, { body: { query: { terms: [{ type: 'string', term: 'identifier', eq: id }], fields: [{ type: 'string_attribute', attribute }] } } })).response;

describe('upsert accounts', () => {
  it('creates new accounts, updates existing ones, and the search returns both', async () => {
    const summary = await tenant.bodyOf<Summary>('upsert-accounts', {
      body: { accounts: [{ id: '0020', attributes: { account_name: 'Quarry Labs', Status: 'Trial', Industry: 'Biotech' } }, { id: '0011', attributes: { Industry: 'Freight' } }] },
    });
    expect(summary).toMatchObject({ status: 'success', time_received: new Date(TEST_NOW).toISOString(), created: 1, updated: 1, created_ids: ['0020'], updated_ids: ['0011'] });
    const created = await searchOne('search-accounts', '0020', 'Industry');
    expect(created['accounts']?.hits).toEqual([{ name: '0020', display_name: 'Quarry Labs', selected_fields: ['Biotech'] }]);
    const updated = await searchOne('search-accounts', '0011', 'Industry');
    expect(updated['accounts']?.hits[0]?.selected_fields).toEqual(['Freight']);
  });

  it('persists the upsert and puts the attribute change on the account timeline', async () => {
    await tenant.call('upsert-accounts', { body: [{ id: '0012', attributes: { Tier: 'Enterprise' } }] });
    const reopened = await TenantData.open(tenant.dataDir, () => TEST_NOW);
    expect(reopened.findAccount('0012')?.attributes['Tier']).toBe('Enterprise');
    const events = await tenant.bodyOf<{ type: string; properties: Record<string, unknown> }[]>('list-events', { query: { account_id: '0012', count: '1' } });
    expect(events[0]).toMatchObject({ type: 'account_attribute_change', properties: { attribute_name: 'Tier', prev_value: 'Mid-Market', new_value: 'Enterprise' } });
  });

  it('names the record at fault and writes nothing of the batch', async () => {
    const error = await tenant.callError('upsert-accounts', { body: { accounts: [{ id: 'x-1' }, { id: 'x-2' }, { attributes: {} }] } });
    expect([error.status, error.field, error.message]).toEqual([400, 'accounts[2].id', '"accounts[2].id" is required']);
    expect(tenant.data.findAccount('x-1')).toBeUndefined();
  });

  it('refuses attribute values that are not flat', async () => {
    const error = await tenant.callError('upsert-accounts', { body: [{ id: '0011', attributes: { Plan: { tier: 'gold' } } }] });
    expect(error.field).toBe('[0].attributes.Plan');
    expect(error.message).toBe('"[0].attributes.Plan" must be a string, number, boolean or null');
  });
});

describe('upsert users', () => {
  it('adds a contact to an account and updates an existing one', async () => {
    const summary = await tenant.bodyOf<Summary>('upsert-users', {
      body: {
        users: [
          { id: 'zoe.adams@lumenhealth.example', account_id: '0014', attributes: { 'First Name': 'Zoe', 'Last Name': 'Adams', Title: 'CMIO' } },
          { id: 'ben.carter@lumenhealth.example', account_id: '0014', attributes: { Title: 'Practice Director' } },
        ],
      },
    });
    expect([summary.created_ids, summary.updated_ids]).toEqual([['zoe.adams@lumenhealth.example'], ['ben.carter@lumenhealth.example']]);
    expect((await searchOne('search-users', 'zoe.adams@lumenhealth.example', 'Title'))['users']?.hits).toEqual([{ name: 'zoe.adams@lumenhealth.example', display_name: 'Zoe Adams', selected_fields: ['CMIO'], account_id: '0014', parent_account: { name: '0014', display_name: 'Lumen Health Partners', selected_fields: [] } }]);
    expect((await searchOne('search-users', 'ben.carter@lumenhealth.example', 'Title'))['users']?.hits[0]?.selected_fields).toEqual(['Practice Director']);
  });

  it('names a missing or unknown account id by its path', async () => {
    const body = [{ id: 'a@x.example', account_id: '0011' }, { id: 'b@x.example', account_id: '0011' }, { id: 'c@x.example' }];
    const missing = await tenant.callError('upsert-users', { body });
    expect([missing.status, missing.field, missing.message]).toEqual([400, '[2].account_id', '"[2].account_id" is required']);
    const unknown = await tenant.callError('upsert-users', { body: [{ id: 'd@x.example', account_id: '9999' }] });
    expect(unknown.message).toBe('unknown account "9999" in "[0].account_id"');
  });
});

describe('delete account user', () => {
  it('removes the contact so that the search no longer finds it', async () => {
    const result = await tenant.call('delete-account-user', { pathParams: { 'account-id': '0013', 'user-id': 'marcus.bell@harborfinch.example' } });
    expect(result.status).toBe(200);
    expect((await searchOne('search-users', 'marcus.bell@harborfinch.example', 'Title'))['users']?.total_hits).toBe(0);
  });

  it('answers 404 naming an unknown account or a user not on that account', async () => {
    const noAccount = await tenant.callError('delete-account-user', { pathParams: { 'account-id': '0099', 'user-id': 'marcus.bell@harborfinch.example' } });
    expect([noAccount.status, noAccount.message]).toEqual([404, 'unknown account "0099"']);
    const noUser = await tenant.callError('delete-account-user', { pathParams: { 'account-id': '0011', 'user-id': 'marcus.bell@harborfinch.example' } });
    expect([noUser.status, noUser.message]).toEqual([404, 'unknown user "marcus.bell@harborfinch.example" of account "0011"']);
  });
});

describe('upsert collections', () => {
  it('creates and updates items of a collection type, as the collection search shows', async () => {
    const summary = await tenant.bodyOf<Summary>('upsert-collections', {
      pathParams: { 'collection-type': 'Subscriptions' },
      body: { collections: [{ id: 'sub-9001', account_id: '0014', attributes: { Plan: 'Professional', MRR: 900 } }, { id: 'sub-5001', account_id: '0011', attributes: { MRR: 16000 } }] },
    });
    expect([summary.created, summary.updated]).toEqual([1, 1]);
    const search = await tenant.bodyOf<SearchBody>('search-collections', {
      body: { query: { collection_type: 'Subscriptions', terms: [{ type: 'string', term: 'identifier', in_list: ['sub-9001', 'sub-5001'] }], fields: [{ type: 'number_attribute', attribute: 'MRR' }], sort_by: 'name' } },
    });
    expect(search.response['collections']?.hits.map((h) => [h.name, h.selected_fields[0]])).toEqual([['sub-5001', 16000], ['sub-9001', 900]]);
  });

  it('answers 404 for a collection type that is not configured', async () => {
    const error = await tenant.callError('upsert-collections', { pathParams: { 'collection-type': 'Invoices' }, body: { collections: [{ id: 'i1', account_id: '0011' }] } });
    expect([error.status, error.message]).toEqual([404, 'unknown collection type "Invoices" (known: Products, Subscriptions)']);
  });
});

describe('upsert attribute definitions', () => {
  it('adds a definition and renames an existing one', async () => {
    const summary = await tenant.bodyOf<Summary>('upsert-account-attributes', {
      body: { attributes: [{ name: 'NPS', display_name: 'Net Promoter Score', type: 'Number' }, { name: 'Tier', display_name: 'Customer Tier' }] },
    });
    expect([summary.created_ids, summary.updated_ids]).toEqual([['NPS'], ['Tier']]);
    const definitions = tenant.data.state.accountDefinitions;
    expect(definitions.find((d) => d.name === 'NPS')).toMatchObject({ displayName: 'Net Promoter Score', type: 'number' });
    expect(definitions.find((d) => d.name === 'Tier')).toMatchObject({ displayName: 'Customer Tier', type: 'text' });
  });

  it('needs a valid type for a new definition and names the field', async () => {
    const missing = await tenant.callError('upsert-user-attributes', { body: [{ name: 'Persona' }] });
    expect([missing.field, missing.message]).toEqual(['[0].type', '"[0].type" is required for a new attribute']);
    const invalid = await tenant.callError('upsert-collection-attributes', { pathParams: { 'collection-type': 'Products' }, body: { attributes: [{ name: 'Tax', type: 'money' }] } });
    expect(invalid.field).toBe('attributes[0].type');
    expect(invalid.message).toMatch(/^"attributes\[0\].type" must be one of text, number, date/);
  });

  it('adds definitions to the collection type of the path', async () => {
    await tenant.call('upsert-collection-attributes', { pathParams: { 'collection-type': 'Products' }, body: [{ name: 'Edition', type: 'text' }] });
    expect(tenant.data.findCollectionType('Products')?.definitions.map((d) => d.name)).toContain('Edition');
  });
});
