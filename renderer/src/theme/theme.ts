/**
 * The window's Mantine theme and where the chosen color scheme is remembered on this
 * device. The Lab's preferences hold the theme; the local copy only lets the first paint
 * use it before the contract answers (no inline script may do that: the CSP forbids it).
 */
import { createTheme, localStorageColorSchemeManager, type MantineColorSchemeManager } from '@mantine/core';
import type { ThemePreference } from '../contract/lab-client';

export const labTheme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  // The focus ring shows for keyboard focus (`:focus-visible`) on every control.
  focusRing: 'auto',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
});

export const COLOR_SCHEME_STORAGE_KEY = 'totango-lab-color-scheme';

export function createColorSchemeManager(): MantineColorSchemeManager {
  return localStorageColorSchemeManager({ key: COLOR_SCHEME_STORAGE_KEY });
}

/** The theme remembered on this device, if any (storage may be unavailable). */
export function rememberedTheme(storage: Pick<Storage, 'getItem'> | undefined): ThemePreference | undefined {
  try {
    const value = storage?.getItem(COLOR_SCHEME_STORAGE_KEY);
    return value === 'light' || value === 'dark' || value === 'auto' ? value : undefined;
  } catch {
    return undefined;
  }
}
