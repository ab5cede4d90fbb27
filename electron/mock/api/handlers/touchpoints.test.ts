/**
 * The Touchpoints API: catalogues, create, update and delete, each visible on the
 * account's timeline, and the checks that name the field at fault.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TenantData } from '../tenant-data';
import { openTestTenant, TEST_NOW, type TestTenant } from '../testing/api-request';

interface Note {
  id: number;
  account_id: string;
  subject: string;
  content: string;
  activity_type_id: string | null;
  touchpointType: string | null;
  touchpoint_tags: string[];
  participantList: { userid: string }[];
  created_by: string;
  create_date: number;
}
interface TimelineEvent {
  type: string;
  note_content?: { note_id: number; subject: string; text: string };
}

const EMAIL = '3d1f6c2a-0b4e-4a51-9c2d-7e8f10a2b301';
const PHONE = '3d1f6c2a-0b4e-4a51-9c2d-7e8f10a2b304';
const RENEWAL = '5b7e2f90-1c3d-4e6a-8f01-2a3b4c5d6e02';
const QBR = '5b7e2f90-1c3d-4e6a-8f01-2a3b4c5d6e04';

let tenant: TestTenant;

beforeEach(async () => {
  tenant = await openTestTenant();
});

afterEach(async () => {
  await tenant.close();
});

const notesOf = async (accountId: string) =>
  (await tenant.bodyOf<TimelineEvent[]>('list-events', { query: { account_id: accountId } })).filter((e) => e.type === 'note').map((e) => e.note_content);

const validBody = {
  account_id: '0015',
  content: 'Reviewed the rollout plan for the second plant.',
  activity_type_id: 'adoption',
  created_by: 'daniel.okafor@acme-demo.example',
  create_date: TEST_NOW - 3_600_000,
  touchpointType: EMAIL,
  touchpoint_tags: [QBR],
  participantList: [{ userid: 'jonas.keller@copperline.example' }],
  subject: 'Second plant rollout',
};

describe('touchpoint catalogues', () => {
  it('lists the types, the tags (reasons) and the SuccessFlow types', async () => {
    const types = await tenant.bodyOf<{ id: string; display_name: string }[]>('list-touchpoint-types');
    expect(types.map((t) => t.display_name)).toEqual(['Email', 'Web meeting', 'In person meeting', 'Telephone call', 'Internal note']);
    const tags = await tenant.bodyOf<{ id: string; display_name: string }[]>('list-touchpoint-tags');
    expect(tags).toContainEqual({ id: RENEWAL, display_name: 'Renewal' });
    const flows = await tenant.bodyOf<{ activity_type_id: string; display_name: string }[]>('list-activity-types');
    expect(flows.map((f) => f.activity_type_id)).toEqual(expect.arrayContaining(['escalation', 'adoption', 'renewal', 'onboarding']));
  });
});

describe('create touchpoint', () => {
  it('creates a note with an id that the timeline shows and the disk keeps', async () => {
    const { note } = await tenant.bodyOf<{ note: Note }>('create-touchpoint', { body: validBody });
    expect(note).toMatchObject({
      id: 30009,
      account_id: '0015',
      subject: 'Second plant rollout',
      activity_type_id: 'adoption',
      touchpointType: EMAIL,
      touchpoint_tags: [QBR],
      participantList: [{ userid: 'jonas.keller@copperline.example' }],
      created_by: 'daniel.okafor@acme-demo.example',
      create_date: TEST_NOW - 3_600_000,
    });
    expect(await notesOf('0015')).toEqual([{ note_id: 30009, subject: 'Second plant rollout', text: validBody.content, totango_user: { user_name: 'daniel.okafor@acme-demo.example' } }]);
    const reopened = await TenantData.open(tenant.dataDir, () => TEST_NOW);
    expect(reopened.state.touchpoints.map((t) => t.id)).toContain(30009);
  });

  it('accepts form fields: tags as text, participants as JSON text, and defaults the author and date', async () => {
    const { note } = await tenant.bodyOf<{ note: Note }>('create-touchpoint', {
      body: { account_id: '0015', content: 'Quick call', touchpoint_tags: `${QBR},${RENEWAL}`, participantList: '[{"userid":"emma.novak@copperline.example"}]' },
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(note).toMatchObject({ touchpoint_tags: [QBR, RENEWAL], participantList: [{ userid: 'emma.novak@copperline.example' }], created_by: 'maya.cohen@acme-demo.example', create_date: TEST_NOW, activity_type_id: null });
  });

  it.each([
    [{ content: undefined }, 'content', '"content" is required'],
    [{ content: 'x'.repeat(12_001) }, 'content', '"content" must be at most 12000 characters'],
    [{ account_id: '0404' }, 'account_id', 'unknown account "0404" in "account_id"'],
    [{ activity_type_id: 'celebration' }, 'activity_type_id', 'unknown activity type "celebration" in "activity_type_id"'],
    [{ touchpointType: 'fax' }, 'touchpointType', 'unknown touchpoint type "fax" in "touchpointType"'],
    [{ touchpoint_tags: [QBR, 'gossip'] }, 'touchpoint_tags[1]', 'unknown touchpoint tag "gossip" in "touchpoint_tags[1]"'],
    [{ participantList: [{ email: 'x@y.example' }] }, 'participantList[0].userid', '"participantList[0].userid" is required'],
  ])('refuses %j naming "%s"', async (change, field, message) => {
    const error = await tenant.callError('create-touchpoint', { body: { ...validBody, ...change } });
    expect([error.status, error.field, error.message]).toEqual([400, field, message]);
    expect(tenant.data.state.touchpoints).toHaveLength(8);
  });
});

describe('update touchpoint', () => {
  it('changes the fields given and keeps the others', async () => {
    const { note } = await tenant.bodyOf<{ note: Note }>('update-touchpoint', {
      pathParams: { 'note-id': '30003' },
      body: { account_id: '0013', subject: 'Renewal scoping call (follow-up)', touchpointType: PHONE, touchpoint_tags: [RENEWAL, QBR] },
    });
    expect(note).toMatchObject({ id: 30003, subject: 'Renewal scoping call (follow-up)', touchpointType: PHONE, touchpoint_tags: [RENEWAL, QBR], activity_type_id: 'renewal' });
    expect((await notesOf('0013')).map((n) => n?.subject)).toContain('Renewal scoping call (follow-up)');
  });

  it('answers 404 for an unknown note id and refuses moving it to another account', async () => {
    const unknown = await tenant.callError('update-touchpoint', { pathParams: { 'note-id': '123' }, body: { subject: 'x' } });
    expect([unknown.status, unknown.message]).toEqual([404, 'unknown touchpoint "123"']);
    const moved = await tenant.callError('update-touchpoint', { pathParams: { 'note-id': '30003' }, body: { account_id: '0011' } });
    expect([moved.status, moved.field]).toEqual([400, 'account_id']);
  });
});

describe('delete touchpoint', () => {
  it('removes the note from the timeline and never reuses its id', async () => {
    const { note } = await tenant.bodyOf<{ note: Note }>('create-touchpoint', { body: validBody });
    const result = await tenant.call('delete-touchpoint', { pathParams: { 'note-id': String(note.id) } });
    expect(result.status).toBe(200);
    expect(await notesOf('0015')).toEqual([]);
    const again = await tenant.bodyOf<{ note: Note }>('create-touchpoint', { body: validBody });
    expect(again.note.id).toBe(note.id + 1);
  });

  it('answers 404 for an unknown note id', async () => {
    const error = await tenant.callError('delete-touchpoint', { pathParams: { 'note-id': 'abc' } });
    expect([error.status, error.message]).toEqual([404, 'unknown touchpoint "abc"']);
  });
});
