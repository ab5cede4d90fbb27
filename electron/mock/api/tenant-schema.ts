/**
 * The mock tenant's data as kept in `tenant-data.json`: accounts, their contacts
 * (account users), collections, attribute definitions, timeline events, teams, Totango
 * users as SCIM sees them, touchpoints and their catalogues. Times are milliseconds
 * since the epoch; the handlers render them as Totango or SCIM expect.
 */
import { z } from 'zod';

export const TENANT_SCHEMA_VERSION = 1;

/** What an attribute may hold: Totango attributes are flat text, numbers, booleans or empty. */
export const attributeValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type AttributeValue = z.infer<typeof attributeValueSchema>;

const attributesSchema = z.record(z.string(), attributeValueSchema);
export type Attributes = z.infer<typeof attributesSchema>;

/** The data types an integration may give an attribute (Totango's "Attributes and data types"). */
export const ATTRIBUTE_TYPES = ['text', 'number', 'date', 'currency', 'boolean', 'foreign_key'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export const HEALTH_RANKS = ['good', 'average', 'poor'] as const;

export const attributeDefinitionSchema = z.object({
  /** The API name, used as the attribute's key. */
  name: z.string(),
  displayName: z.string(),
  type: z.enum(ATTRIBUTE_TYPES),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type AttributeDefinition = z.infer<typeof attributeDefinitionSchema>;

export const accountSchema = z.object({
  id: z.string(),
  name: z.string(),
  health: z.enum(HEALTH_RANKS),
  healthChangedAt: z.number(),
  lastActivityAt: z.number(),
  attributes: attributesSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Account = z.infer<typeof accountSchema>;

/** An end user of the customer's product, shown as a contact of one account. */
export const accountUserSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  name: z.string(),
  lastActivityAt: z.number(),
  attributes: attributesSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type AccountUser = z.infer<typeof accountUserSchema>;

export const collectionItemSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  name: z.string(),
  attributes: attributesSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type CollectionItem = z.infer<typeof collectionItemSchema>;

export const collectionTypeSchema = z.object({
  /** The collection type as it appears in int-hub paths (`Products`). */
  type: z.string(),
  displayName: z.string(),
  definitions: z.array(attributeDefinitionSchema),
  items: z.array(collectionItemSchema),
});
export type CollectionType = z.infer<typeof collectionTypeSchema>;

/** A timeline event other than a touchpoint (touchpoints become `note` events when read). */
export const tenantEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  timestamp: z.number(),
  accountId: z.string(),
  userId: z.string().nullable(),
  properties: z.record(z.string(), z.unknown()),
});
export type TenantEvent = z.infer<typeof tenantEventSchema>;

export const teamSchema = z.object({
  id: z.string(),
  name: z.string(),
  memberIds: z.array(z.string()),
  createdAt: z.number(),
  updatedAt: z.number(),
  version: z.number().int(),
});
export type Team = z.infer<typeof teamSchema>;

export const scimEmailSchema = z.object({ value: z.string(), type: z.string(), primary: z.boolean() });
export type ScimEmail = z.infer<typeof scimEmailSchema>;

/** A Totango system user as the SCIM API manages it. */
export const scimUserSchema = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  userName: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  displayName: z.string(),
  title: z.string().nullable(),
  emails: z.array(scimEmailSchema),
  active: z.boolean(),
  isAdmin: z.boolean(),
  licenses: z.array(z.string()),
  createdAt: z.number(),
  updatedAt: z.number(),
  version: z.number().int(),
});
export type ScimUser = z.infer<typeof scimUserSchema>;

export const touchpointSchema = z.object({
  /** The note id Totango returns and the update and delete paths take. */
  id: z.number().int(),
  eventId: z.string(),
  accountId: z.string(),
  subject: z.string(),
  content: z.string(),
  activityTypeId: z.string().nullable(),
  touchpointTypeId: z.string().nullable(),
  tagIds: z.array(z.string()),
  participants: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  disableSync: z.boolean(),
});
export type Touchpoint = z.infer<typeof touchpointSchema>;

export const touchpointTypeSchema = z.object({ id: z.string(), displayName: z.string(), internal: z.boolean() });
export type TouchpointType = z.infer<typeof touchpointTypeSchema>;

export const touchpointTagSchema = z.object({ id: z.string(), displayName: z.string() });
export type TouchpointTag = z.infer<typeof touchpointTagSchema>;

export const activityTypeSchema = z.object({ id: z.string(), displayName: z.string(), color: z.string() });
export type ActivityType = z.infer<typeof activityTypeSchema>;

export const tenantDocumentSchema = z.object({
  schemaVersion: z.literal(TENANT_SCHEMA_VERSION),
  seededAt: z.number(),
  accounts: z.array(accountSchema),
  accountUsers: z.array(accountUserSchema),
  accountDefinitions: z.array(attributeDefinitionSchema),
  userDefinitions: z.array(attributeDefinitionSchema),
  collectionTypes: z.array(collectionTypeSchema),
  events: z.array(tenantEventSchema),
  teams: z.array(teamSchema),
  scimUsers: z.array(scimUserSchema),
  touchpoints: z.array(touchpointSchema),
  touchpointTypes: z.array(touchpointTypeSchema),
  touchpointTags: z.array(touchpointTagSchema),
  activityTypes: z.array(activityTypeSchema),
  counters: z.object({ nextNoteId: z.number().int(), nextEventId: z.number().int() }),
});
export type TenantDocument = z.infer<typeof tenantDocumentSchema>;
