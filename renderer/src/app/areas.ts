/**
 * The areas of the window, in the order the navigation lists them. Each one is a screen
 * of its own (filled by the guided workbench); the frame reads this table for the
 * navigation, the routes and each area's heading and description.
 */
export const AREAS = Object.freeze([
  {
    id: 'apps',
    label: 'Apps',
    description: 'Register OAuth applications on the mock Totango and manage their secrets, callback URLs and certificates.',
  },
  {
    id: 'flows',
    label: 'Flows',
    description: 'Run the authorization-code and client-credentials grants step by step and watch who talks to whom.',
  },
  {
    id: 'tokens',
    label: 'Tokens',
    description: 'Decode the current or a pasted access token, explain its claims and check its signature and certificate binding.',
  },
  {
    id: 'api-explorer',
    label: 'API explorer',
    description: 'Call any of the 29 catalogued Totango endpoints with the current token and see which scope each one needs.',
  },
  {
    id: 'diagnostics',
    label: 'Diagnostics',
    description: 'Run every endpoint with the current token, see what passes and fails, and get the smallest scope change that fixes a failure.',
  },
  {
    id: 'mock-server',
    label: 'Mock server',
    description: "Watch the embedded mock Totango's requests, manage its users, settings and clock, and inject faults.",
  },
  {
    id: 'support',
    label: 'Support',
    description: "Rebuild a customer's setup on the mock, export a redacted repro bundle or HAR file, and import one to replay it.",
  },
  {
    id: 'settings',
    label: 'Settings',
    description: 'Choose the target (the mock, Totango US or EU, a custom URL), its credentials, the callback port and the theme.',
  },
] as const);

export type Area = (typeof AREAS)[number];
export type AreaId = Area['id'];

/** The area a person lands on, and the one an unknown address falls back to. */
export const DEFAULT_AREA: Area = AREAS[0];

export function findArea(id: string): Area | undefined {
  return AREAS.find((area) => area.id === id);
}
