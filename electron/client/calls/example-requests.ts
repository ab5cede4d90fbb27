/**
 * One example request per catalogued endpoint, modelled on Totango's documentation:
 * the Search API's form field `query`, Integration Hub upserts, events, SCIM 2.0 User,
 * Group and PatchOp bodies, touchpoints. A `Record<EndpointId, …>`, so that an endpoint
 * without an example fails to compile. Each is plain data, copied on every call, for the
 * window's editor to change.
 *
 * @see https://support.totango.com/hc/en-us/articles/204174135-Search-API-accounts-and-users
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2
 */
import { randomUUID } from 'node:crypto';
import type { EndpointId } from '../../../shared/catalogue';
import { copyRequest, type CatalogueRequest, type CatalogueRequestBody } from './catalogue-request';
import { EXAMPLE_IDS as ID, SCIM_SCHEMAS } from './example-values';

const json = (value: unknown): CatalogueRequestBody => ({ kind: 'json', json: value });
const searchForm = (query: Record<string, unknown>): CatalogueRequestBody => ({ kind: 'form', fields: { query: JSON.stringify(query) } });
const scim = { 'service-id': ID.serviceId };
const inAccount = { type: 'string', term: 'account_id', in_list: [ID.accountId] };

type Example = (unique: string) => Omit<CatalogueRequest, 'endpointId'>;

const EXAMPLES: Readonly<Record<EndpointId, Example>> = {
  'search-accounts': () => ({
    pathParams: {},
    query: {},
    body: searchForm({
      terms: [{ type: 'string', term: 'status_group', in_list: ['paying'] }],
      count: 20,
      offset: 0,
      fields: [
        { type: 'string', term: 'health', field_display_name: 'Health rank' },
        { type: 'string_attribute', attribute: 'Success Manager', field_display_name: 'Success Manager' },
        { type: 'number_attribute', attribute: 'Contract Value', field_display_name: 'Contract Value' },
      ],
      sort_by: 'display_name',
      sort_order: 'ASC',
      scope: 'all',
    }),
  }),
  'upsert-accounts': () => ({
    pathParams: {},
    query: {},
    body: json({ accounts: [{ id: ID.accountId, name: 'Northwind Logistics', attributes: { Licenses: 340, Tier: 'Enterprise', 'Success Manager': 'Maya Cohen' } }] }),
  }),
  'upsert-account-attributes': () => ({
    pathParams: {},
    query: {},
    body: json({ attributes: [{ name: 'Renewal Risk', display_name: 'Renewal Risk', type: 'text' }] }),
  }),
  'search-users': () => ({
    pathParams: {},
    query: {},
    body: searchForm({
      terms: [inAccount],
      count: 20,
      offset: 0,
      fields: [
        { type: 'string_attribute', attribute: 'Email', field_display_name: 'Email' },
        { type: 'string_attribute', attribute: 'Title', field_display_name: 'Title' },
      ],
      parent_account_fields: [{ type: 'string', term: 'display_name', field_display_name: 'Account' }],
      scope: 'all',
    }),
  }),
  'upsert-users': () => ({
    pathParams: {},
    query: {},
    body: json({
      users: [{ id: ID.newContactId, account_id: ID.accountId, name: 'Jordan Lee', attributes: { Email: ID.newContactId, Title: 'Operations Analyst', Contact: 'yes' } }],
    }),
  }),
  'upsert-user-attributes': () => ({
    pathParams: {},
    query: {},
    body: json({ attributes: [{ name: 'Preferred Channel', display_name: 'Preferred Channel', type: 'text' }] }),
  }),
  'delete-account-user': () => ({ pathParams: { 'account-id': ID.deletableContact.accountId, 'user-id': ID.deletableContact.userId }, query: {} }),
  'search-collections': () => ({
    pathParams: {},
    query: {},
    body: searchForm({
      collection_type: ID.collectionType,
      terms: [inAccount],
      count: 20,
      offset: 0,
      fields: [
        { type: 'string_attribute', attribute: 'Plan', field_display_name: 'Plan' },
        { type: 'number_attribute', attribute: 'Seats', field_display_name: 'Seats' },
      ],
      scope: 'all',
    }),
  }),
  'upsert-collections': () => ({
    pathParams: { 'collection-type': ID.collectionType },
    query: {},
    body: json({
      collections: [
        { id: `prd-${ID.accountId}-9`, account_id: ID.accountId, name: 'Fleet Telematics', attributes: { 'Product Name': 'Fleet Telematics', Plan: 'Standard', Seats: 40, 'Start Date': '2026-01-15' } },
      ],
    }),
  }),
  'upsert-collection-attributes': () => ({
    pathParams: { 'collection-type': ID.collectionType },
    query: {},
    body: json({ attributes: [{ name: 'Renewal Owner', display_name: 'Renewal Owner', type: 'text' }] }),
  }),
  'list-events': () => ({ pathParams: {}, query: { account_id: ID.accountId } }),
  'search-events': () => ({ pathParams: {}, query: {}, body: json({ account_id: ID.accountId, event_types: ['note', 'usage'], count: 20, offset: 0 }) }),
  whoami: () => ({ pathParams: {}, query: {} }),
  'audit-log': () => ({ pathParams: {}, query: { count: '20' } }),
  'scim-list-users': () => ({ pathParams: scim, query: { startIndex: '1', count: '10' } }),
  'scim-list-groups': () => ({ pathParams: scim, query: { startIndex: '1', count: '10' } }),
  'scim-create-user': (unique) => ({
    pathParams: scim,
    query: {},
    body: json(scimUser(`alex.rivera+${unique}@acme-demo.example`, 'Alex', 'Rivera', 'Solutions Engineer')),
  }),
  'scim-get-user': () => ({ pathParams: { ...scim, 'user-id': ID.systemUserId }, query: {} }),
  'scim-patch-user': () => ({
    pathParams: { ...scim, 'user-id': ID.systemUserId },
    query: {},
    body: json({ schemas: [SCIM_SCHEMAS.patchOp], Operations: [{ op: 'replace', path: 'title', value: 'Senior Customer Success Manager' }] }),
  }),
  'scim-replace-user': () => ({
    pathParams: { ...scim, 'user-id': ID.systemUserId },
    query: {},
    body: json(scimUser('daniel.okafor@acme-demo.example', 'Daniel', 'Okafor', 'Customer Success Manager')),
  }),
  'scim-get-group': () => ({ pathParams: { ...scim, 'team-id': ID.teamId }, query: {} }),
  'scim-replace-group': () => ({
    pathParams: { ...scim, 'team-id': ID.teamId },
    query: {},
    body: json({ schemas: [SCIM_SCHEMAS.group], displayName: 'Customer Success', members: [{ value: 'u-1001' }, { value: ID.systemUserId }] }),
  }),
  'scim-patch-group': () => ({
    pathParams: { ...scim, 'team-id': ID.otherTeamId },
    query: {},
    body: json({ schemas: [SCIM_SCHEMAS.patchOp], Operations: [{ op: 'add', path: 'members', value: [{ value: ID.systemUserId }] }] }),
  }),
  'create-touchpoint': () => ({ pathParams: {}, query: {}, body: json(touchpoint('Fleet API onboarding call', 'Walked the fleet team through the routing API and agreed on a pilot.')) }),
  'update-touchpoint': () => ({
    pathParams: { 'note-id': ID.touchpointId },
    query: {},
    body: json(touchpoint('Q3 business review agenda', 'Agenda shared and confirmed: route adoption, fleet coverage, API roadmap.')),
  }),
  'delete-touchpoint': () => ({ pathParams: { 'note-id': ID.deletableTouchpointId }, query: {} }),
  'list-touchpoint-types': () => ({ pathParams: {}, query: {} }),
  'list-touchpoint-tags': () => ({ pathParams: {}, query: {} }),
  'list-activity-types': () => ({ pathParams: {}, query: {} }),
};

function scimUser(userName: string, givenName: string, familyName: string, title: string): Record<string, unknown> {
  return {
    schemas: [SCIM_SCHEMAS.user],
    userName,
    name: { givenName, familyName },
    displayName: `${givenName} ${familyName}`,
    title,
    emails: [{ value: userName, type: 'work', primary: true }],
    active: true,
  };
}

function touchpoint(subject: string, content: string): Record<string, unknown> {
  return {
    account_id: ID.accountId,
    subject,
    content,
    activity_type_id: ID.activityTypeId,
    touchpointType: ID.touchpointTypeId,
    touchpoint_tags: [ID.touchpointTagId],
  };
}

/**
 * The example request of an endpoint, as a fresh copy. `unique` makes the values that
 * must be new on every run (the SCIM user to create) unique; random by default.
 */
export function exampleRequest(endpointId: EndpointId, unique: string = randomUUID().slice(0, 8)): CatalogueRequest {
  return copyRequest({ endpointId, ...EXAMPLES[endpointId](unique) });
}
