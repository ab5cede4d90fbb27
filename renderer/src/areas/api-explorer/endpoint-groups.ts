/**
 * The catalogue as the explorer lists it: by the entity of each endpoint's required scope
 * (accounts, users, collections, events, Totango users and teams, touchpoints), in the
 * catalogue's order; and the filter of the search box.
 */
import { CATALOGUE, type EndpointId } from '../../../../shared/catalogue';
import { CATALOGUE_GROUPS, type CatalogueEntry, type EndpointGroup } from '../../../../shared/catalogue-groups';

export type { CatalogueEntry, EndpointGroup };

export const ENDPOINT_GROUPS = CATALOGUE_GROUPS;

export function catalogueEntry(id: EndpointId): CatalogueEntry {
  const entry = CATALOGUE.find((e) => e.id === id);
  if (entry === undefined) throw new Error(`unknown endpoint "${id}"`);
  return entry;
}

/**
 * The groups with the endpoints whose words all appear somewhere in it: method, path,
 * scope, summary, documentation title, or its group's heading ("touch create", "post
 * scim", "account:read").
 */
export function filterGroups(query: string): readonly EndpointGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return ENDPOINT_GROUPS;
  return ENDPOINT_GROUPS.map((group) => ({
    ...group,
    endpoints: group.endpoints.filter((endpoint) => {
      const haystack = [endpoint.id, endpoint.method, endpoint.path, endpoint.requiredScope, endpoint.summary, endpoint.documentation, group.heading].join(' ').toLowerCase();
      return words.every((word) => haystack.includes(word));
    }),
  })).filter((group) => group.endpoints.length > 0);
}
