/** The settings area's screen (its heading and description come from the frame). */
export function SettingsScreen() {
  return null;
}
