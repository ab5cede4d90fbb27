/** Files the person picks (a PEM, a PKCS#12), read in the window before they cross the contract. */

export async function readFileText(file: Blob): Promise<string> {
  return file.text();
}

/** The file's bytes as base64 (a PKCS#12 is binary; the contract carries it as text). */
export async function readFileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let offset = 0; offset < bytes.length; offset += 0x8000) binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  return btoa(binary);
}
