import { describe, expect, it } from 'vitest';
import { contentTypeOf } from '../web/static-files';
import { CONTENT_TYPES, knownContentType } from './content-types';

describe('knownContentType', () => {
  it('names the type of each kind of file the build holds, whatever the case of the extension', () => {
    expect(knownContentType('/dist/renderer/index.html')).toBe('text/html; charset=utf-8');
    expect(knownContentType('assets/APP.JS')).toBe('text/javascript; charset=utf-8');
    expect(knownContentType('icon.jpeg')).toBe('image/jpeg');
  });

  it('knows no type for another extension, nor for a name of Object.prototype', () => {
    for (const path of ['notes.exe', 'README', 'x.constructor', 'x.__proto__', 'x.toString']) expect(knownContentType(path)).toBeUndefined();
  });

  it('is one frozen table, which browser mode reads too, serving a kind it does not know as bytes', () => {
    expect(Object.isFrozen(CONTENT_TYPES)).toBe(true);
    expect(contentTypeOf('assets/app.css')).toBe(CONTENT_TYPES['.css']);
    expect(contentTypeOf('notes.exe')).toBe('application/octet-stream');
  });
});
