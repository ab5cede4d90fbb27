import { useMantineColorScheme } from '@mantine/core';
import { useEffect } from 'react';
import { useLab } from '../stores/lab-stores';

/** Applies the Lab's theme to Mantine whenever it changes (Mantine also remembers it locally). */
export function ThemeSync(): null {
  const theme = useLab((state) => state.theme);
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  useEffect(() => {
    if (colorScheme !== theme) setColorScheme(theme);
  }, [theme, colorScheme, setColorScheme]);
  return null;
}
