/**
 * Demo mode has its own address, `#/demo`, so that a presenter can open it directly (or
 * bookmark it). It shows over the frame; leaving it goes back to the area shown before.
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { areaFromHash, areaHref } from '../app/routing';

export const DEMO_HREF = '#/demo';

export function isDemoHash(hash: string): boolean {
  return /^#\/demo\/?$/.test(hash);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = () => window.location.hash;

/** The area shown before demo mode opened: where leaving it returns. */
let lastAreaHash = '';

/** Whether the address is demo mode's, and how to leave it. */
export function useDemoRoute(): { readonly open: boolean; readonly close: () => void } {
  const hash = useSyncExternalStore(subscribe, currentHash);
  const open = isDemoHash(hash);
  useEffect(() => {
    if (!open) lastAreaHash = hash;
  }, [hash, open]);
  const close = useCallback(() => {
    window.location.hash = areaHref(areaFromHash(lastAreaHash).id);
  }, []);
  return { open, close };
}
