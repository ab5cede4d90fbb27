/**
 * Who may call the contract over IPC: the main frame of the Lab's own window, showing one
 * of the app's own pages. Anything else (another window, a subframe, a page that is not
 * the app's, a frame already gone) is refused before its payload is even looked at.
 *
 * @see https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages
 */
import type { IpcMainInvokeEvent, WebContents } from 'electron';

/** The parts of an invoke event the check reads. */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

export interface SenderCheckOptions {
  /** The contents of the app's window, while it exists. */
  readonly windowContents: () => WebContents | undefined;
  /** Whether a URL is one of the app's own pages. */
  readonly isAppUrl: (url: string) => boolean;
}

export function createSenderCheck(options: SenderCheckOptions): (event: SenderEvent) => boolean {
  return (event) => {
    const contents = options.windowContents();
    if (contents === undefined || event.sender !== contents) return false;
    let frame: SenderEvent['senderFrame'];
    try {
      frame = event.senderFrame;
    } catch {
      return false;
    }
    if (frame === null || frame.parent !== null) return false;
    return options.isAppUrl(frame.url);
  };
}
