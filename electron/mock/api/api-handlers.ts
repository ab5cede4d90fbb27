/**
 * The handlers of the 29 catalogued Totango endpoints, by catalogue id. The resource
 * server routes the catalogue, authorizes the call, and hands the handler an authorized
 * request and the tenant's data; the `ApiHandlers` type makes a missing one a compile error.
 *
 * @see ../../../shared/catalogue.ts (the article's API table, transcribed)
 */
import type { ApiHandlers } from './api-types';
import { listEvents, searchEvents } from './handlers/events';
import { deleteAccountUser, upsertAccounts, upsertCollectionItems, upsertUsers } from './handlers/int-hub';
import { upsertAccountAttributes, upsertCollectionAttributes, upsertUserAttributes } from './handlers/int-hub-definitions';
import { getScimGroup, listScimGroups, patchScimGroup, replaceScimGroup } from './handlers/scim-groups';
import { createScimUser, getScimUser, listScimUsers, patchScimUser, replaceScimUser } from './handlers/scim-users';
import { searchAccounts, searchCollections, searchUsers } from './handlers/search';
import { auditLog, whoami } from './handlers/system-users';
import { createTouchpoint, deleteTouchpoint, listActivityTypes, listTouchpointTags, listTouchpointTypes, updateTouchpoint } from './handlers/touchpoints';

export const API_HANDLERS: ApiHandlers = Object.freeze({
  'search-accounts': searchAccounts,
  'upsert-accounts': upsertAccounts,
  'upsert-account-attributes': upsertAccountAttributes,
  'search-users': searchUsers,
  'upsert-users': upsertUsers,
  'upsert-user-attributes': upsertUserAttributes,
  'delete-account-user': deleteAccountUser,
  'search-collections': searchCollections,
  'upsert-collections': upsertCollectionItems,
  'upsert-collection-attributes': upsertCollectionAttributes,
  'list-events': listEvents,
  'search-events': searchEvents,
  whoami,
  'audit-log': auditLog,
  'scim-list-users': listScimUsers,
  'scim-list-groups': listScimGroups,
  'scim-create-user': createScimUser,
  'scim-get-user': getScimUser,
  'scim-patch-user': patchScimUser,
  'scim-replace-user': replaceScimUser,
  'scim-get-group': getScimGroup,
  'scim-replace-group': replaceScimGroup,
  'scim-patch-group': patchScimGroup,
  'create-touchpoint': createTouchpoint,
  'update-touchpoint': updateTouchpoint,
  'delete-touchpoint': deleteTouchpoint,
  'list-touchpoint-types': listTouchpointTypes,
  'list-touchpoint-tags': listTouchpointTags,
  'list-activity-types': listActivityTypes,
});
