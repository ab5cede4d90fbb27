/**
 * All 29 handlers together: each read answers the seed, and no client input, however
 * odd, makes a handler throw anything but an `ApiError` (which the server turns into a
 * 4xx) or change the data when it fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE, type EndpointId } from '../../../shared/catalogue';
import { ApiError } from './api-types';
import { openTestTenant, type RequestOptions, type TestTenant } from './testing/api-request';

let tenant: TestTenant;

beforeAll(async () => {
  tenant = await openTestTenant();
});

afterAll(async () => {
  await tenant.close();
});

/** Path parameters that name seeded items, so that reads find something. */
const SEEDED_PARAMS: Readonly<Record<string, string>> = {
  'account-id': '0011',
  'user-id': 'u-1001',
  'collection-type': 'Products',
  'team-id': 't-201',
  'note-id': '30001',
};

const READS: Partial<Record<EndpointId, RequestOptions>> = {
  'search-accounts': { body: { query: '{"terms":[],"fields":[]}' } },
  'search-users': { body: { query: '{"terms":[],"fields":[]}' } },
  'search-collections': { body: { query: '{"collection_type":"Products","terms":[],"fields":[]}' } },
  'list-events': { query: { account_id: '0011' } },
  'search-events': { body: { query: '{"terms":[],"fields":[],"count":10,"offset":0}' } },
};

const HOSTILE_BODIES: readonly unknown[] = ['not json', 42, null, [], [null], { query: 7 }, { query: '{"terms": 5}' }, { accounts: [{ id: {} }] }, { schemas: 'x', Operations: 'y' }, { ['__proto__']: { polluted: true } }];

describe('API_HANDLERS', () => {
  it.each(CATALOGUE.filter((e) => e.effect === 'read').map((e) => e.id))('answers %s on the seed with a 2xx', async (id) => {
    const pathParams = Object.fromEntries(CATALOGUE.find((e) => e.id === id)?.pathParams.filter((p) => p !== 'service-id').map((p) => [p, SEEDED_PARAMS[p] ?? '']) ?? []);
    const result = await tenant.call(id, { pathParams, ...READS[id] });
    expect(result.status).toBeGreaterThanOrEqual(200);
    expect(result.status).toBeLessThan(300);
  });

  it.each(CATALOGUE.map((e) => e.id))('answers odd input to %s with a result or an ApiError only', async (id) => {
    const endpoint = CATALOGUE.find((e) => e.id === id);
    const pathParams = Object.fromEntries(endpoint?.pathParams.filter((p) => p !== 'service-id').map((p) => [p, '%00\u0000"]']) ?? []);
    const before = JSON.stringify(tenant.data.state);
    for (const body of HOSTILE_BODIES) {
      for (const params of [pathParams, {}]) {
        try {
          const result = await tenant.call(id, { pathParams: params, body, query: { count: '-1', filter: '((', account_id: '' } });
          expect(result.status, `${id} with ${JSON.stringify(body)}`).toBeLessThan(500);
        } catch (error) {
          expect(error, `${id} with ${JSON.stringify(body)}`).toBeInstanceOf(ApiError);
          expect((error as ApiError).status).toBeLessThan(500);
        }
      }
    }
    expect(JSON.stringify(tenant.data.state)).toBe(before);
  });
});
