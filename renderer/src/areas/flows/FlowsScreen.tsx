/** The flows area's screen (its heading and description come from the frame). */
export function FlowsScreen() {
  return null;
}
