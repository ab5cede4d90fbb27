import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate, SPECIFICATIONS } from './app-menu';

function menu(platform: NodeJS.Platform) {
  const opened: string[] = [];
  const template = appMenuTemplate({
    platform,
    documents: [{ label: 'Totango OAuth Lab README', path: '/app/README.md' }],
    dataDir: '/data/lab',
    openPath: (path) => opened.push(`path ${path}`),
    openExternal: (url) => opened.push(`url ${url}`),
  });
  const help = template.find((item) => item.role === 'help')!.submenu as MenuItemConstructorOptions[];
  const click = (label: string) => (help.find((item) => item.label === label)!.click as () => void)();
  return { template, help, opened, click };
}

describe('the application menu', () => {
  it('has the usual roles, with the app menu on macOS only', () => {
    expect(menu('darwin').template.map((item) => item.role)).toEqual(['appMenu', 'fileMenu', 'editMenu', 'viewMenu', 'windowMenu', 'help']);
    expect(menu('linux').template.map((item) => item.role)).toEqual(['fileMenu', 'editMenu', 'viewMenu', 'windowMenu', 'help']);
  });

  it('opens the documents and the data folder with the system, and the RFCs in the browser', () => {
    const { help, opened, click } = menu('linux');
    expect(help.filter((item) => item.type !== 'separator').map((item) => item.label)).toEqual(['Totango OAuth Lab README', 'Open the Data Folder', ...SPECIFICATIONS.map((spec) => spec.label)]);
    click('Totango OAuth Lab README');
    click('Open the Data Folder');
    click('OAuth 2.0 (RFC 6749)');
    expect(opened).toEqual(['path /app/README.md', 'path /data/lab', 'url https://www.rfc-editor.org/rfc/rfc6749']);
  });
});
