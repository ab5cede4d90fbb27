/** The apps area's screen (its heading and description come from the frame). */
export function AppsScreen() {
  return null;
}
