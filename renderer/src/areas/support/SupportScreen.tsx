/** The support area's screen (its heading and description come from the frame). */
export function SupportScreen() {
  return null;
}
