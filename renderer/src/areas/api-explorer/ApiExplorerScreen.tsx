/** The api-explorer area's screen (its heading and description come from the frame). */
export function ApiExplorerScreen() {
  return null;
}
