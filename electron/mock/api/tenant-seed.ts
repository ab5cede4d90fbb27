/**
 * The mock tenant's first state: seven B2B customer accounts with their contacts,
 * product and subscription collections, and the attribute definitions that describe
 * them. Every date is relative to the seed time, so the same time gives the same data.
 *
 * @see https://support.totango.com/hc/en-us/articles/204456359-System-and-core-attributes
 */
import { seedActivity } from './tenant-seed-activity';
import {
  TENANT_SCHEMA_VERSION,
  type Account,
  type AccountUser,
  type AttributeDefinition,
  type AttributeType,
  type Attributes,
  type CollectionType,
  type TenantDocument,
} from './tenant-schema';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of a time, as Totango date attributes take it. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function seedTenant(seededAt: number): TenantDocument {
  const activity = seedActivity(seededAt);
  return {
    schemaVersion: TENANT_SCHEMA_VERSION,
    seededAt,
    accounts: seedAccounts(seededAt),
    accountUsers: seedContacts(seededAt),
    accountDefinitions: definitions(seededAt, ACCOUNT_ATTRIBUTES),
    userDefinitions: definitions(seededAt, USER_ATTRIBUTES),
    collectionTypes: seedCollections(seededAt),
    ...activity,
  };
}

type AccountRow = [id: string, name: string, status: string, health: Account['health'], value: number, manager: string, stage: string, industry: string, licenses: number, renewalInDays: number, ageDays: number];

const ACCOUNT_ROWS: readonly AccountRow[] = [
  ['0011', 'Northwind Logistics', 'Paying', 'good', 184000, 'Maya Cohen', 'Adopt', 'Logistics', 320, 120, 720],
  ['0012', 'Bluepeak Analytics', 'Paying', 'average', 96000, 'Daniel Okafor', 'Expand', 'Software', 150, 200, 540],
  ['0013', 'Harbor & Finch Insurance', 'Paying', 'poor', 240000, 'Maya Cohen', 'Renew', 'Insurance', 410, 45, 1100],
  ['0014', 'Lumen Health Partners', 'Trial', 'average', 0, 'Daniel Okafor', 'Onboard', 'Healthcare', 25, 28, 20],
  ['0015', 'Copperline Manufacturing', 'Paying', 'good', 72000, 'Priya Raman', 'Adopt', 'Manufacturing', 90, 260, 380],
  ['0016', 'Vantage Retail Group', 'Canceled', 'poor', 0, 'Maya Cohen', 'Churned', 'Retail', 0, -30, 900],
  ['0017', 'Solstice Energy', 'Paying', 'good', 132000, 'Daniel Okafor', 'Expand', 'Energy', 210, 310, 610],
];

function seedAccounts(t: number): Account[] {
  return ACCOUNT_ROWS.map(([id, name, status, health, value, manager, stage, industry, licenses, renewalInDays, ageDays], i) => {
    const createdAt = t - ageDays * DAY_MS;
    const attributes: Attributes = {
      'Account Type': 'Customer',
      Status: status,
      'Success Manager': manager,
      'Contract Value': value,
      'Contract Start Date': isoDate(t + (renewalInDays - 365) * DAY_MS),
      'Contract Renewal Date': isoDate(t + renewalInDays * DAY_MS),
      'Customer Journey Stage': stage,
      Industry: industry,
      Licenses: licenses,
      Tier: value >= 150000 ? 'Enterprise' : value > 0 ? 'Mid-Market' : 'SMB',
      Region: i % 3 === 0 ? 'EMEA' : i % 3 === 1 ? 'North America' : 'APAC',
      'Create Date': isoDate(createdAt),
    };
    return {
      id,
      name,
      health,
      healthChangedAt: t - (3 + i * 4) * DAY_MS,
      lastActivityAt: t - (status === 'Canceled' ? 40 : i) * DAY_MS,
      attributes,
      createdAt,
      updatedAt: t - i * DAY_MS,
    };
  });
}

type ContactRow = [accountId: string, first: string, last: string, title: string, key: boolean];

const CONTACT_ROWS: readonly ContactRow[] = [
  ['0011', 'Olivia', 'Hart', 'VP Operations', true],
  ['0011', 'Tomas', 'Lindqvist', 'Fleet Systems Lead', false],
  ['0011', 'Grace', 'Mbeki', 'IT Administrator', false],
  ['0012', 'Ethan', 'Park', 'Head of Data', true],
  ['0012', 'Sofia', 'Romero', 'Analytics Engineer', false],
  ['0013', 'Hannah', 'Weiss', 'Chief Claims Officer', true],
  ['0013', 'Marcus', 'Bell', 'Procurement Manager', false],
  ['0013', 'Aiko', 'Tanaka', 'Underwriting Analyst', false],
  ['0013', 'Liam', 'O\'Connor', 'IT Director', false],
  ['0014', 'Nadia', 'Haddad', 'Clinical Operations Director', true],
  ['0014', 'Ben', 'Carter', 'Practice Manager', false],
  ['0015', 'Jonas', 'Keller', 'Plant Manager', true],
  ['0015', 'Emma', 'Novak', 'Quality Engineer', false],
  ['0016', 'Chloe', 'Dubois', 'E-commerce Manager', true],
  ['0016', 'Ravi', 'Menon', 'Merchandising Analyst', false],
  ['0017', 'Isabel', 'Costa', 'Head of Grid Analytics', true],
  ['0017', 'Owen', 'Fletcher', 'Energy Trader', false],
  ['0017', 'Mei', 'Lin', 'Data Platform Engineer', false],
];

const ACCOUNT_DOMAINS: Readonly<Record<string, string>> = {
  '0011': 'northwind-logistics.example',
  '0012': 'bluepeak.example',
  '0013': 'harborfinch.example',
  '0014': 'lumenhealth.example',
  '0015': 'copperline.example',
  '0016': 'vantage-retail.example',
  '0017': 'solstice-energy.example',
};

export function contactEmail(accountId: string, first: string, last: string): string {
  const local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
  return `${local}@${ACCOUNT_DOMAINS[accountId] ?? 'example.com'}`;
}

function seedContacts(t: number): AccountUser[] {
  return CONTACT_ROWS.map(([accountId, first, last, title, key], i) => {
    const email = contactEmail(accountId, first, last);
    const lastActivityAt = t - ((i * 7) % 30) * DAY_MS - i * 3_600_000;
    return {
      id: email,
      accountId,
      name: `${first} ${last}`,
      lastActivityAt,
      attributes: {
        'First Name': first,
        'Last Name': last,
        Email: email,
        Title: title,
        Contact: 'yes',
        'Key Contact': key ? 'yes' : 'no',
        'Last Login': new Date(lastActivityAt).toISOString(),
      },
      createdAt: t - (200 + i * 10) * DAY_MS,
      updatedAt: t - (i % 5) * DAY_MS,
    };
  });
}

type DefinitionRow = [name: string, type: AttributeType];

const ACCOUNT_ATTRIBUTES: readonly DefinitionRow[] = [
  ['Account Type', 'text'], ['Status', 'text'], ['Success Manager', 'text'], ['Contract Value', 'currency'],
  ['Contract Start Date', 'date'], ['Contract Renewal Date', 'date'], ['Customer Journey Stage', 'text'],
  ['Industry', 'text'], ['Licenses', 'number'], ['Tier', 'text'], ['Region', 'text'], ['Create Date', 'date'],
];

const USER_ATTRIBUTES: readonly DefinitionRow[] = [
  ['First Name', 'text'], ['Last Name', 'text'], ['Email', 'text'], ['Title', 'text'],
  ['Contact', 'text'], ['Key Contact', 'text'], ['Last Login', 'date'],
];

function definitions(t: number, rows: readonly DefinitionRow[]): AttributeDefinition[] {
  return rows.map(([name, type]) => ({ name, displayName: name, type, createdAt: t, updatedAt: t }));
}

const PRODUCTS: readonly [string, string][] = [['Route Optimizer', 'Enterprise'], ['Insights Hub', 'Professional'], ['Connect API', 'Standard']];

function seedCollections(t: number): CollectionType[] {
  const paying = ACCOUNT_ROWS.filter((row) => row[2] !== 'Canceled');
  const products = paying.flatMap(([accountId, , , , , , , , licenses], i) =>
    PRODUCTS.slice(0, 1 + (i % 3)).map(([product, plan], j) => ({
      id: `prd-${accountId}-${j + 1}`,
      accountId,
      name: product,
      attributes: { 'Product Name': product, Plan: plan, Seats: Math.max(5, Math.round(licenses / (j + 1))), 'Start Date': isoDate(t - (90 + i * 30 + j * 15) * DAY_MS) },
      createdAt: t - (90 + i * 30) * DAY_MS,
      updatedAt: t - j * DAY_MS,
    })),
  );
  const subscriptions = ACCOUNT_ROWS.map(([accountId, , status, , value, , , , , renewalInDays], i) => ({
    id: `sub-${5001 + i}`,
    accountId,
    name: `Subscription ${5001 + i}`,
    attributes: {
      Plan: value >= 150000 ? 'Enterprise' : value > 0 ? 'Professional' : 'Trial',
      MRR: Math.round(value / 12),
      'Billing Period': i % 2 === 0 ? 'Annual' : 'Monthly',
      'Renewal Date': isoDate(t + renewalInDays * DAY_MS),
      Status: status === 'Canceled' ? 'Canceled' : status === 'Trial' ? 'Trialing' : 'Active',
    },
    createdAt: t - (365 - i * 20) * DAY_MS,
    updatedAt: t - i * DAY_MS,
  }));
  return [
    { type: 'Products', displayName: 'Products', definitions: definitions(t, [['Product Name', 'text'], ['Plan', 'text'], ['Seats', 'number'], ['Start Date', 'date']]), items: products },
    {
      type: 'Subscriptions',
      displayName: 'Subscriptions',
      definitions: definitions(t, [['Plan', 'text'], ['MRR', 'currency'], ['Billing Period', 'text'], ['Renewal Date', 'date'], ['Status', 'text']]),
      items: subscriptions,
    },
  ];
}
