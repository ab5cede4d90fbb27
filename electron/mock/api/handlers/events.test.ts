/**
 * The account timeline and the events search over the seeded tenant.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestTenant, TEST_NOW, type TestTenant } from '../testing/api-request';

interface Event {
  id: string;
  type: string;
  timestamp: number;
  account: { id: string; display_name: string };
  properties: Record<string, unknown>;
  note_content?: { note_id: number; text: string; totango_user: { user_name: string } };
}
interface EventSearch {
  response: { events: { total_hits: number; hits: Event[] } };
}

const DAY_MS = 24 * 60 * 60 * 1000;

let tenant: TestTenant;

beforeEach(async () => {
  tenant = await openTestTenant();
});

afterEach(async () => {
  await tenant.close();
});

describe('events for an account', () => {
  it('lists the account events newest first, touchpoints as notes', async () => {
    const events = await tenant.bodyOf<Event[]>('list-events', { query: { account_id: '0013' } });
    expect(events.map((e) => e.type)).toEqual(['note', 'segment_change', 'account_attribute_change', 'note', 'account_alert']);
    expect(events.every((e, i) => i === 0 || (events[i - 1] as Event).timestamp >= e.timestamp)).toBe(true);
    expect(events[0]).toMatchObject({ account: { id: '0013', display_name: 'Harbor & Finch Insurance' }, properties: { activity_type_id: 'renewal' } });
    expect(events[0]?.note_content).toMatchObject({ note_id: 30003, text: expect.stringContaining('renewal options'), totango_user: { user_name: 'maya.cohen@acme-demo.example' } });
  });

  it('pages with count and offset', async () => {
    const all = await tenant.bodyOf<Event[]>('list-events', { query: { account_id: '0013' } });
    const page = await tenant.bodyOf<Event[]>('list-events', { query: { account_id: '0013', count: '2', offset: '1' } });
    expect(page.map((e) => e.id)).toEqual(all.slice(1, 3).map((e) => e.id));
  });

  it('requires "account_id" and knows the accounts', async () => {
    const missing = await tenant.callError('list-events');
    expect([missing.status, missing.field, missing.message]).toEqual([400, 'account_id', 'missing "account_id" query parameter']);
    const unknown = await tenant.callError('list-events', { query: { account_id: 'nope' } });
    expect([unknown.status, unknown.message]).toEqual([404, 'unknown account "nope"']);
    const badCount = await tenant.callError('list-events', { query: { account_id: '0011', count: 'lots' } });
    expect([badCount.field, badCount.message]).toEqual(['count', '"count" must be an integer']);
  });
});

describe('events search', () => {
  it('searches the whole tenant: about twenty events over the last 30 days', async () => {
    const body = await tenant.bodyOf<EventSearch>('search-events', { body: { query: JSON.stringify({ terms: [], fields: [], count: 1000, offset: 0 }) } });
    expect(body.response.events.total_hits).toBe(20);
    expect(body.response.events.hits.every((e) => e.timestamp > TEST_NOW - 30 * DAY_MS)).toBe(true);
  });

  it('takes Totango event_property terms and the account_id form field', async () => {
    const query = { terms: [{ type: 'or', or: [{ type: 'event_property', name: 'event_type', eq: 'note' }, { type: 'event_property', name: 'event_type', eq: 'account_alert' }] }], fields: [], offset: 0, count: 5 };
    const body = await tenant.bodyOf<EventSearch>('search-events', { body: { query: JSON.stringify(query), account_id: '0013' }, contentType: 'application/x-www-form-urlencoded' });
    expect(body.response.events.hits.map((e) => e.type)).toEqual(['note', 'note', 'account_alert']);
  });

  it('takes a JSON filter of account, types, time range and paging', async () => {
    const body = await tenant.bodyOf<EventSearch>('search-events', {
      body: { account_id: '0011', types: ['usage'], from: TEST_NOW - 2 * DAY_MS - 12 * 3_600_000, to: TEST_NOW, count: 1 },
    });
    expect(body.response.events.total_hits).toBe(2);
    expect(body.response.events.hits.map((e) => e.properties['activity'])).toEqual(['Login']);
  });

  it('names an unsupported term type', async () => {
    const error = await tenant.callError('search-events', { body: { query: { terms: [{ type: 'string', term: 'x' }] } } });
    expect([error.status, error.field, error.message]).toEqual([400, 'query.terms[0].type', 'unsupported term type "string" in "query.terms[0].type"']);
  });
});
