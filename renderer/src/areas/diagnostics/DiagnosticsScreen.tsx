/** The diagnostics area's screen (its heading and description come from the frame). */
export function DiagnosticsScreen() {
  return null;
}
