/**
 * The catalogue grouped by the entity of each endpoint's required scope (accounts,
 * users, collections, events, Totango users and teams, touchpoints), in the catalogue's
 * order: how the API explorer lists it and the diagnostics filter it.
 */
import { CATALOGUE, type CatalogueEndpoint } from './catalogue';
import { ENTITIES, entityLabel, parseScope, type Entity } from './scopes';

/** A catalogued endpoint, its id typed as one of the 29. */
export type CatalogueEntry = (typeof CATALOGUE)[number];

export interface EndpointGroup {
  readonly entity: Entity;
  /** `accounts`, `Totango users and teams`… */
  readonly label: string;
  /** The label capitalised, for headings: `Accounts`. */
  readonly heading: string;
  readonly endpoints: readonly CatalogueEntry[];
}

/** The entity an endpoint belongs to: the one its required scope names. */
export function endpointEntity(endpoint: CatalogueEndpoint): Entity | undefined {
  const parsed = parseScope(endpoint.requiredScope);
  return parsed.ok && parsed.value.kind !== 'admin' ? parsed.value.entity : undefined;
}

export const CATALOGUE_GROUPS: readonly EndpointGroup[] = Object.freeze(
  ENTITIES.map((entity) => {
    const label = entityLabel(entity);
    return { entity, label, heading: label.charAt(0).toUpperCase() + label.slice(1), endpoints: CATALOGUE.filter((e) => endpointEntity(e) === entity) };
  }).filter((group) => group.endpoints.length > 0),
);
