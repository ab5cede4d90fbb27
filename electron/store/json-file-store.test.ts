/**
 * The JSON document store on a real temporary folder: atomic writes, queued saves,
 * schema versions and migrations, and a corrupt file kept aside rather than lost.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonFileStore, NewerSchemaError, type JsonFileStoreOptions } from './json-file-store';

interface Notebook {
  readonly schemaVersion: 2;
  readonly title: string;
  readonly notes: readonly string[];
}

const NOW = new Date('2024-05-06T07:08:09.010Z');
const STAMP = '2024-05-06T07-08-09-010Z';

function validateNotebook(value: unknown): Notebook {
  const doc = value as Partial<Notebook>;
  if (doc.schemaVersion !== 2) throw new Error('"schemaVersion" is not 2');
  if (typeof doc.title !== 'string') throw new Error('"title" is not a string');
  if (!Array.isArray(doc.notes)) throw new Error('"notes" is not a list');
  return doc as Notebook;
}

let dir: string;
let path: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'json-file-store-'));
  path = join(dir, 'notebook.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function store(options: Partial<JsonFileStoreOptions<Notebook>> = {}): JsonFileStore<Notebook> {
  return new JsonFileStore<Notebook>({ path, schemaVersion: 2, validate: validateNotebook, now: () => NOW, ...options });
}

const notebook = (title: string, notes: string[] = []): Notebook => ({ schemaVersion: 2, title, notes });

describe('JsonFileStore.load', () => {
  it('reports a missing file as missing', async () => {
    expect(await store().load()).toEqual({ kind: 'missing' });
  });

  it('loads what save wrote', async () => {
    const value = notebook('Release plan', ['ship', 'celebrate ✨']);
    await store().save(value);
    expect(await store().load()).toEqual({ kind: 'loaded', value });
  });
});

describe('JsonFileStore.save', () => {
  it('writes indented JSON ending with a newline, readable by its owner only', async () => {
    await store().save(notebook('A'));
    expect(await readFile(path, 'utf8')).toBe(`${JSON.stringify(notebook('A'), null, 2)}\n`);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('creates the folder when it does not exist', async () => {
    path = join(dir, 'nested', 'deeper', 'notebook.json');
    await store().save(notebook('A'));
    expect(await store().load()).toEqual({ kind: 'loaded', value: notebook('A') });
  });

  it('replaces the file whole by renaming a new one over it, leaving no temporary file', async () => {
    await store().save(notebook('a long title that the next save must not leave a tail of', ['one', 'two', 'three']));
    const before = await stat(path);
    await store().save(notebook('B'));
    expect(await readFile(path, 'utf8')).toBe(`${JSON.stringify(notebook('B'), null, 2)}\n`);
    // A new inode: the old file was never rewritten in place, so no reader sees it half written.
    expect((await stat(path)).ino).not.toBe(before.ino);
    expect(await readdir(dir)).toEqual(['notebook.json']);
  });

  it('runs concurrent saves one after the other and ends with the last value as valid JSON', async () => {
    const notes = store();
    const values = Array.from({ length: 25 }, (_, i) => notebook(`version ${i}`, Array.from({ length: 25 - i }, (_, j) => `note ${j}`)));
    await Promise.all(values.map((v) => notes.save(v)));
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(values.at(-1));
    expect(await readdir(dir)).toEqual(['notebook.json']);
  });

  it('flush waits for every queued save', async () => {
    const notes = store();
    void notes.save(notebook('first'));
    void notes.save(notebook('second'));
    await notes.flush();
    expect(await store().load()).toEqual({ kind: 'loaded', value: notebook('second') });
  });

  it('rejects a save that fails with its cause, leaves no temporary file, and keeps saving afterwards', async () => {
    const notes = store();
    // A non-empty folder where the file should be: the rename over it fails.
    await mkdir(path);
    await writeFile(join(path, 'occupant'), 'x');
    const failing = notes.save(notebook('blocked'));
    const queuedBehind = notes.save(notebook('blocked too'));
    await expect(failing).rejects.toMatchObject({ code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST)$/) });
    await expect(queuedBehind).rejects.toMatchObject({ code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST)$/) });
    expect(await readdir(dir)).toEqual(['notebook.json']);

    await rm(path, { recursive: true });
    await notes.save(notebook('after the failure'));
    expect(await store().load()).toEqual({ kind: 'loaded', value: notebook('after the failure') });
  });
});

describe('a file that cannot be read as a document', () => {
  async function expectSetAside(bytes: string, reason: string | RegExp): Promise<void> {
    await writeFile(path, bytes);
    const result = await store().load();
    const movedTo = join(dir, `notebook.json.corrupt-${STAMP}`);
    expect(result).toEqual({ kind: 'corrupt', movedTo, reason: expect.stringMatching(reason) });
    expect(await readFile(movedTo, 'utf8')).toBe(bytes);
    expect(await readdir(dir)).toEqual([`notebook.json.corrupt-${STAMP}`]);
    expect(await store().load()).toEqual({ kind: 'missing' });
  }

  it('is moved aside with its bytes when it is not JSON, and reported with the reason', async () => {
    await expectSetAside('{"schemaVersion": 2, "title": "cut off', /^not valid JSON: /);
  });

  it('is moved aside when it has no schemaVersion', async () => {
    await expectSetAside(JSON.stringify({ title: 'A', notes: [] }), /^no "schemaVersion"$/);
  });

  it('is moved aside when its schemaVersion is not a positive integer, or it is not an object', async () => {
    await expectSetAside(JSON.stringify({ schemaVersion: '2', title: 'A', notes: [] }), /^no "schemaVersion"$/);
    await rm(join(dir, `notebook.json.corrupt-${STAMP}`));
    await expectSetAside(JSON.stringify({ schemaVersion: 1.5 }), /^no "schemaVersion"$/);
    await rm(join(dir, `notebook.json.corrupt-${STAMP}`));
    await expectSetAside('null', /^no "schemaVersion"$/);
  });

  it('is moved aside when validate refuses it, with validate’s reason', async () => {
    await expectSetAside(JSON.stringify({ schemaVersion: 2, title: 42, notes: [] }), /^invalid content: "title" is not a string$/);
  });

  it('keeps both files when two are set aside at the same instant', async () => {
    await writeFile(path, 'first broken file');
    const first = await store().load();
    await writeFile(path, 'second broken file');
    const second = await store().load();
    expect(first.kind === 'corrupt' && second.kind === 'corrupt').toBe(true);
    if (first.kind !== 'corrupt' || second.kind !== 'corrupt') return;
    expect(first.movedTo).toBe(join(dir, `notebook.json.corrupt-${STAMP}`));
    expect(second.movedTo).not.toBe(first.movedTo);
    expect(second.movedTo.startsWith(first.movedTo)).toBe(true);
    expect(await readFile(first.movedTo, 'utf8')).toBe('first broken file');
    expect(await readFile(second.movedTo, 'utf8')).toBe('second broken file');
  });
});

describe('schema versions', () => {
  it('refuses a newer schemaVersion with NewerSchemaError and leaves the file untouched', async () => {
    const bytes = JSON.stringify({ schemaVersion: 3, title: 'from the future', notes: [], extra: true });
    await writeFile(path, bytes);
    const error = await store()
      .load()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(NewerSchemaError);
    expect((error as NewerSchemaError).code).toBe('newer_schema');
    expect((error as NewerSchemaError).message).toBe(
      `"${path}" was written by a newer version (schema 3; this one reads up to 2); refusing to overwrite it`,
    );
    expect(await readFile(path, 'utf8')).toBe(bytes);
    expect(await readdir(dir)).toEqual(['notebook.json']);
  });

  it('migrates an old document one step at a time and reports where it came from', async () => {
    const seen: unknown[] = [];
    const migrations = {
      0: () => {
        throw new Error('schema 0 never existed');
      },
      1: (old: Record<string, unknown>) => {
        seen.push(structuredClone(old));
        return { ...old, title: old['name'], name: undefined };
      },
      2: (old: Record<string, unknown>) => {
        seen.push(structuredClone(old));
        return { ...old, notes: old['notes'] ?? [] };
      },
    };
    const v3 = (value: unknown) => {
      const doc = value as { schemaVersion: number; title: string; notes: string[] };
      if (doc.schemaVersion !== 3) throw new Error('"schemaVersion" is not 3');
      return doc as unknown as Notebook;
    };
    const bytes = JSON.stringify({ schemaVersion: 1, name: 'Old notebook' });
    await writeFile(path, bytes);

    const result = await store({ schemaVersion: 3, validate: v3, migrations }).load();

    expect(result).toEqual({ kind: 'loaded', value: { schemaVersion: 3, title: 'Old notebook', notes: [], name: undefined }, migratedFrom: 1 });
    expect(seen).toEqual([
      { schemaVersion: 1, name: 'Old notebook' },
      { schemaVersion: 2, title: 'Old notebook', name: undefined },
    ]);
    expect(await readFile(path, 'utf8')).toBe(bytes);
  });

  it('runs only the steps a document needs, and none for a current one', async () => {
    const ran: number[] = [];
    const migrations = { 1: (old: Record<string, unknown>) => (ran.push(1), old), 2: (old: Record<string, unknown>) => (ran.push(2), old) };
    const accept = (value: unknown) => value as Notebook;

    await writeFile(path, JSON.stringify({ schemaVersion: 2, title: 'A', notes: [] }));
    expect(await store({ schemaVersion: 3, validate: accept, migrations }).load()).toMatchObject({ kind: 'loaded', migratedFrom: 2 });
    expect(ran).toEqual([2]);

    await writeFile(path, JSON.stringify({ schemaVersion: 3, title: 'A', notes: [] }));
    const current = await store({ schemaVersion: 3, validate: accept, migrations }).load();
    expect(current).toEqual({ kind: 'loaded', value: { schemaVersion: 3, title: 'A', notes: [] } });
    expect(current).not.toHaveProperty('migratedFrom');
    expect(ran).toEqual([2]);
  });

  it('moves aside a document whose migration is missing', async () => {
    const bytes = JSON.stringify({ schemaVersion: 1, title: 'A', notes: [] });
    await writeFile(path, bytes);
    const result = await store({ migrations: {} }).load();
    expect(result).toEqual({ kind: 'corrupt', movedTo: join(dir, `notebook.json.corrupt-${STAMP}`), reason: 'no migration from schema 1' });
    expect(await readFile(join(dir, `notebook.json.corrupt-${STAMP}`), 'utf8')).toBe(bytes);
  });

  it('validates the migrated document and moves the file aside when it fails', async () => {
    await writeFile(path, JSON.stringify({ schemaVersion: 1, title: 'A' }));
    const result = await store({ migrations: { 1: (old) => old } }).load();
    expect(result).toMatchObject({ kind: 'corrupt', reason: 'invalid content: "notes" is not a list' });
  });
});
