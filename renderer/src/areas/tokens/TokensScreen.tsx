/** The tokens area's screen (its heading and description come from the frame). */
export function TokensScreen() {
  return null;
}
