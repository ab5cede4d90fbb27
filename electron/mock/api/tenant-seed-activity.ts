/**
 * The mock tenant's activity at seed time: timeline events of the last 30 days, the
 * touchpoints logged on the accounts, their catalogues (types, reasons, SuccessFlow
 * types), the teams, and the Totango users that SCIM manages (the mock's five users).
 *
 * @see https://support.totango.com/hc/en-us/articles/115000597266-Touchpoints-API
 */
import { seedUsers } from '../mock-state';
import type { ActivityType, ScimUser, Team, TenantDocument, TenantEvent, Touchpoint, TouchpointTag, TouchpointType } from './tenant-schema';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/** The first note id the seed uses; new touchpoints continue after the last one. */
export const FIRST_NOTE_ID = 30001;
const FIRST_EVENT_ID = 1001;

export const TOUCHPOINT_TYPES: readonly TouchpointType[] = [
  { id: '3d1f6c2a-0b4e-4a51-9c2d-7e8f10a2b301', displayName: 'Email', internal: false },
  { id: '3d1f6c2a-0b4e-4a51-9c2d-7e8f10a2b302', displayName: 'Web meeting', internal: false },
  { id: '3d1f6c2a-0b4e-4a51-9c2d-7e8f10a2b303', displayName: 'In person meeting', internal: false },
  { id: '3d1f6c2a-0b4e-4a51-9c2d-7e8f10a2b304', displayName: 'Telephone call', internal: false },
  { id: '3d1f6c2a-0b4e-4a51-9c2d-7e8f10a2b305', displayName: 'Internal note', internal: true },
];

export const TOUCHPOINT_TAGS: readonly TouchpointTag[] = [
  { id: '5b7e2f90-1c3d-4e6a-8f01-2a3b4c5d6e01', displayName: 'Onboarding' },
  { id: '5b7e2f90-1c3d-4e6a-8f01-2a3b4c5d6e02', displayName: 'Renewal' },
  { id: '5b7e2f90-1c3d-4e6a-8f01-2a3b4c5d6e03', displayName: 'Escalation' },
  { id: '5b7e2f90-1c3d-4e6a-8f01-2a3b4c5d6e04', displayName: 'QBR' },
  { id: '5b7e2f90-1c3d-4e6a-8f01-2a3b4c5d6e05', displayName: 'Support' },
];

export const ACTIVITY_TYPES: readonly ActivityType[] = [
  { id: 'onboarding', displayName: 'Onboarding', color: '#2f80ed' },
  { id: 'adoption', displayName: 'Adoption', color: '#27ae60' },
  { id: 'renewal', displayName: 'Renewal', color: '#9b51e0' },
  { id: 'escalation', displayName: 'Escalation', color: '#eb5757' },
  { id: 'expansion', displayName: 'Expansion', color: '#f2994a' },
  { id: 'support', displayName: 'Support', color: '#56ccf2' },
];

type Activity = Pick<TenantDocument, 'events' | 'teams' | 'scimUsers' | 'touchpoints' | 'touchpointTypes' | 'touchpointTags' | 'activityTypes' | 'counters'>;

export function seedActivity(t: number): Activity {
  const events = seedEvents(t);
  const touchpoints = seedTouchpoints(t, FIRST_EVENT_ID + events.length);
  return {
    events,
    touchpoints,
    teams: seedTeams(t),
    scimUsers: seedScimUsers(t),
    touchpointTypes: TOUCHPOINT_TYPES.map((type) => ({ ...type })),
    touchpointTags: TOUCHPOINT_TAGS.map((tag) => ({ ...tag })),
    activityTypes: ACTIVITY_TYPES.map((type) => ({ ...type })),
    counters: { nextNoteId: FIRST_NOTE_ID + touchpoints.length, nextEventId: FIRST_EVENT_ID + events.length + touchpoints.length },
  };
}

type EventRow = [type: string, accountId: string, daysAgo: number, userId: string | null, properties: Record<string, unknown>];

const EVENT_ROWS: readonly EventRow[] = [
  ['usage', '0011', 1, 'olivia.hart@northwind-logistics.example', { activity: 'Login', module: 'Application', count: 3 }],
  ['usage', '0011', 2, 'tomas.lindqvist@northwind-logistics.example', { activity: 'Create Route', module: 'Route Optimizer', count: 12 }],
  ['usage', '0012', 3, 'sofia.romero@bluepeak.example', { activity: 'Run Report', module: 'Insights Hub', count: 7 }],
  ['usage', '0017', 4, 'mei.lin@solstice-energy.example', { activity: 'Export Data', module: 'Connect API', count: 2 }],
  ['usage', '0014', 5, 'ben.carter@lumenhealth.example', { activity: 'Login', module: 'Application', count: 1 }],
  ['segment_change', '0014', 6, null, { segment_id: 'seg-trials-ending', segment_name: 'Trials ending soon', change: 'entered' }],
  ['account_attribute_change', '0012', 9, null, { attribute_name: 'Contract Value', display_name: 'Contract Value', prev_value: 84000, new_value: 96000 }],
  ['segment_change', '0013', 11, null, { segment_id: 'seg-at-risk-renewals', segment_name: 'At-risk renewals', change: 'entered' }],
  ['account_attribute_change', '0013', 12, null, { attribute_name: 'Customer Journey Stage', display_name: 'Customer Journey Stage', prev_value: 'Adopt', new_value: 'Renew' }],
  ['account_alert', '0013', 15, null, { alert_type: 'health_change', description: 'Health dropped after repeated export failures', health: 'poor', health_prev: 'average', sentiment: 'negative' }],
  ['account_attribute_change', '0016', 27, null, { attribute_name: 'Status', display_name: 'Status', prev_value: 'Paying', new_value: 'Canceled' }],
  ['segment_change', '0016', 27, null, { segment_id: 'seg-active-customers', segment_name: 'Active customers', change: 'left' }],
];

function seedEvents(t: number): TenantEvent[] {
  return EVENT_ROWS.map(([type, accountId, daysAgo, userId, properties], i) => ({
    id: `evt-${FIRST_EVENT_ID + i}`,
    type,
    timestamp: t - daysAgo * DAY_MS - (i % 5) * HOUR_MS,
    accountId,
    userId,
    properties,
  }));
}

const [EMAIL, WEB_MEETING, IN_PERSON, PHONE, INTERNAL] = TOUCHPOINT_TYPES.map((type) => type.id);
const [ONBOARDING, RENEWAL, ESCALATION, QBR, SUPPORT] = TOUCHPOINT_TAGS.map((tag) => tag.id);

type TouchpointRow = [accountId: string, typeId: string | undefined, tagIds: (string | undefined)[], activity: string | null, daysAgo: number, author: string, subject: string, content: string, participants: string[]];

const MAYA = 'maya.cohen@acme-demo.example';
const DANIEL = 'daniel.okafor@acme-demo.example';

const TOUCHPOINT_ROWS: readonly TouchpointRow[] = [
  ['0011', EMAIL, [QBR], 'adoption', 2, MAYA, 'Q3 business review agenda', 'Shared the agenda for the quarterly review: route adoption, fleet coverage and the API roadmap.', ['olivia.hart@northwind-logistics.example']],
  ['0013', PHONE, [ESCALATION, SUPPORT], 'escalation', 14, MAYA, 'Claims export failures', 'Hannah reported nightly claims exports failing since the last release. Opened a priority ticket with support.', ['hannah.weiss@harborfinch.example', 'liam.oconnor@harborfinch.example']],
  ['0013', WEB_MEETING, [RENEWAL], 'renewal', 8, MAYA, 'Renewal scoping call', 'Walked procurement through renewal options; they want a stability plan before signing.', ['marcus.bell@harborfinch.example']],
  ['0014', WEB_MEETING, [ONBOARDING], 'onboarding', 19, DANIEL, 'Trial kickoff', 'Kickoff with the clinical operations team; agreed on three success criteria for the trial.', ['nadia.haddad@lumenhealth.example', 'ben.carter@lumenhealth.example']],
  ['0014', INTERNAL, [ONBOARDING], 'onboarding', 4, DANIEL, 'Trial success criteria check', 'Two of three criteria met; scheduling a review with Nadia before the trial ends.', []],
  ['0012', IN_PERSON, [QBR], 'adoption', 22, DANIEL, 'Onsite analytics workshop', 'Ran a half-day workshop on dashboards for the data team; strong interest in the forecasting module.', ['ethan.park@bluepeak.example', 'sofia.romero@bluepeak.example']],
  ['0017', EMAIL, [RENEWAL], 'expansion', 10, DANIEL, 'Additional grid regions', 'Isabel asked for a quote covering two more grid regions ahead of renewal.', ['isabel.costa@solstice-energy.example']],
  ['0016', PHONE, [SUPPORT], null, 26, MAYA, 'Exit interview', 'Vantage moved to an in-house platform; they cited integration effort as the main reason.', ['chloe.dubois@vantage-retail.example']],
];

function seedTouchpoints(t: number, firstEventId: number): Touchpoint[] {
  return TOUCHPOINT_ROWS.map(([accountId, typeId, tagIds, activity, daysAgo, author, subject, content, participants], i) => {
    const createdAt = t - daysAgo * DAY_MS - (i % 4) * HOUR_MS;
    return {
      id: FIRST_NOTE_ID + i,
      eventId: `evt-${firstEventId + i}`,
      accountId,
      subject,
      content,
      activityTypeId: activity,
      touchpointTypeId: typeId ?? null,
      tagIds: tagIds.filter((id): id is string => id !== undefined),
      participants,
      createdBy: author,
      createdAt,
      updatedAt: createdAt,
      disableSync: false,
    };
  });
}

function seedTeams(t: number): Team[] {
  const team = (id: string, name: string, memberIds: string[]): Team => ({ id, name, memberIds, createdAt: t - 400 * DAY_MS, updatedAt: t - 30 * DAY_MS, version: 1 });
  return [team('t-201', 'Customer Success', ['u-1001', 'u-1002']), team('t-202', 'Onboarding', ['u-1002', 'u-1004']), team('t-203', 'Integrations', ['u-1003', 'u-1001'])];
}

const TITLES: Readonly<Record<string, string>> = {
  'u-1001': 'Director of Customer Success',
  'u-1002': 'Customer Success Manager',
  'u-1003': 'Integration Service Account',
  'u-1004': 'Onboarding Specialist',
  'u-1005': 'Renewals Manager',
};

/** The mock's seeded Totango users as SCIM resources: same ids, names and emails; disabled and deleted users are inactive. */
function seedScimUsers(t: number): ScimUser[] {
  const createdAt = t - 500 * DAY_MS;
  return seedUsers(new Date(createdAt).toISOString()).map((user, i) => ({
    id: user.id,
    externalId: `emp-${2001 + i}`,
    userName: user.email,
    givenName: user.firstName,
    familyName: user.lastName,
    displayName: `${user.firstName} ${user.lastName}`,
    title: TITLES[user.id] ?? null,
    emails: [{ value: user.email, type: 'work', primary: true }],
    active: user.status === 'active',
    isAdmin: user.role === 'admin',
    licenses: ['full'],
    createdAt,
    updatedAt: createdAt + i * DAY_MS,
    version: 1,
  }));
}
