/**
 * The Fullscreen API for demo mode: the whole window goes full screen (so that anything
 * demo mode shows stays visible), and the browser's own Escape leaves it.
 */
import { useCallback, useEffect, useState } from 'react';

export interface Fullscreen {
  readonly supported: boolean;
  readonly active: boolean;
  toggle(): Promise<void>;
  leave(): Promise<void>;
}

export function useFullscreen(onError: (error: unknown) => void): Fullscreen {
  const [active, setActive] = useState(() => typeof document !== 'undefined' && (document.fullscreenElement ?? null) !== null);
  useEffect(() => {
    const changed = () => setActive((document.fullscreenElement ?? null) !== null);
    document.addEventListener('fullscreenchange', changed);
    return () => document.removeEventListener('fullscreenchange', changed);
  }, []);
  const supported = typeof document.documentElement.requestFullscreen === 'function' && document.fullscreenEnabled !== false;

  const leave = useCallback(async () => {
    if ((document.fullscreenElement ?? null) === null) return;
    try {
      await document.exitFullscreen();
    } catch (error) {
      onError(error);
    }
  }, [onError]);

  const toggle = useCallback(async () => {
    if ((document.fullscreenElement ?? null) !== null) return leave();
    try {
      await document.documentElement.requestFullscreen();
    } catch (error) {
      onError(error);
    }
  }, [leave, onError]);

  return { supported, active, toggle, leave };
}
