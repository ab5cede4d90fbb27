/**
 * The SCIM filter grammar on plain resources: operators, precedence, value paths,
 * case rules, and the 400 `invalidFilter` of a malformed filter.
 */
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../api-types';
import { parseScimFilter } from './scim-filter';

const maya = {
  id: 'U-1',
  userName: 'Maya.Cohen@acme.example',
  externalId: 'EMP-1',
  active: true,
  name: { givenName: 'Maya', familyName: 'Cohen' },
  emails: [{ value: 'maya@work.example', type: 'work' }, { value: 'maya@home.example', type: 'home' }],
  meta: { lastModified: '2025-03-01T00:00:00.000Z' },
};

const matches = (filter: string) => parseScimFilter(filter)(maya);

describe('parseScimFilter', () => {
  it.each([
    ['userName eq "maya.cohen@acme.example"', true],
    ['USERNAME Eq "MAYA.COHEN@ACME.EXAMPLE"', true],
    ['id eq "u-1"', false],
    ['externalId eq "EMP-1"', true],
    ['name.familyName sw "Co" and active eq true', true],
    ['name.givenName ew "x" or name.givenName co "ay"', true],
    ['active eq false or userName pr and title pr', false],
    ['not (active eq false)', true],
    ['emails[type eq "home" and value co "@home"]', true],
    ['emails[type eq "fax"]', false],
    ['emails co "work.example"', true],
    ['meta.lastModified gt "2025-02-01T00:00:00.000Z"', true],
    ['title pr', false],
  ])('%s is %s', (filter, expected) => {
    expect(matches(filter)).toBe(expected);
  });

  it.each([
    ['userName eq', 'invalid "filter": expected a value (a quoted string, a number, true, false or null)'],
    ['userName eq "unterminated', 'invalid "filter": an unterminated string'],
    ['(userName pr', 'invalid "filter": expected ")"'],
    ['userName pr extra', 'invalid "filter": unexpected text after the expression'],
    ['', 'invalid "filter": it is empty'],
  ])('refuses %j with 400 invalidFilter', (filter, detail) => {
    let caught: ApiError | undefined;
    try {
      parseScimFilter(filter);
    } catch (error) {
      caught = error as ApiError;
    }
    expect(caught?.status).toBe(400);
    expect(caught?.body).toMatchObject({ scimType: 'invalidFilter', detail });
  });
});
