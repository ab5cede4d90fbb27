import type { RegionId } from '../../shared/regions';
import type { PageContext } from './authorize-pages';
import type { MockCore } from './mock-core';

/** What one region's endpoints need: the shared services and which region they serve. */
export interface RegionContext {
  readonly core: MockCore;
  readonly region: RegionId;
  readonly page: PageContext;
}
