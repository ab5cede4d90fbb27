/**
 * The example values the catalogued requests use: ids that exist in the mock tenant's
 * seed (electron/mock/api/tenant-seed*.ts, read, not imported: the client reaches the
 * mock over HTTP only), so that every example is valid against a freshly seeded mock.
 * Against a real tenant they are placeholders for the user to edit.
 *
 * @see ../../mock/api/tenant-seed.ts, ../../mock/api/tenant-seed-activity.ts (the seed these ids come from)
 */
export const EXAMPLE_IDS = Object.freeze({
  /** The mock account's service id (the `{service-id}` of SCIM paths). */
  serviceId: '9013',
  /** Northwind Logistics, a paying account. */
  accountId: '0011',
  /** Daniel Okafor, an active Totango user (SCIM). */
  systemUserId: 'u-1002',
  /** The "Customer Success" team, and "Integrations" (which Daniel is not in yet). */
  teamId: 't-201',
  otherTeamId: 't-203',
  /** A seeded touchpoint (note) to update, and another to delete. */
  touchpointId: '30001',
  deletableTouchpointId: '30008',
  /** A contact of the churned Vantage Retail Group account, to delete. */
  deletableContact: Object.freeze({ accountId: '0016', userId: 'ravi.menon@vantage-retail.example' }),
  /** A contact the users upsert example creates (diagnostics delete it afterwards). */
  newContactId: 'jordan.lee@northwind-logistics.example',
  collectionType: 'Products',
  /** The "Email" touchpoint type, the "Onboarding" reason, the "onboarding" SuccessFlow type. */
  touchpointTypeId: '3d1f6c2a-0b4e-4a51-9c2d-7e8f10a2b301',
  touchpointTagId: '5b7e2f90-1c3d-4e6a-8f01-2a3b4c5d6e01',
  activityTypeId: 'onboarding',
});

export const SCIM_SCHEMAS = Object.freeze({
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  patchOp: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
});
