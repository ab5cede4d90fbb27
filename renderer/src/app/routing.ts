/**
 * Hash routing: `#/apps`, `#/flows`… The window is loaded from `file://` in Electron, so
 * the address's hash is the only part it can change without a reload. An unknown or empty
 * hash shows the default area.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { DEFAULT_AREA, findArea, type Area, type AreaId } from './areas';

export function areaHref(id: AreaId): string {
  return `#/${id}`;
}

/** The area a hash names, or the default area. */
export function areaFromHash(hash: string): Area {
  const match = /^#\/([a-z-]+)\/?$/.exec(hash);
  return (match && findArea(match[1]!)) ?? DEFAULT_AREA;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = () => window.location.hash;

/** The area the address shows, and a function that navigates to another one. */
export function useAreaRoute(): { readonly area: Area; readonly navigate: (id: AreaId) => void } {
  const hash = useSyncExternalStore(subscribe, currentHash);
  const navigate = useCallback((id: AreaId) => {
    window.location.hash = areaHref(id);
  }, []);
  return { area: areaFromHash(hash), navigate };
}
