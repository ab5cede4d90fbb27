/** The mock-server area's screen (its heading and description come from the frame). */
export function MockServerScreen() {
  return null;
}
