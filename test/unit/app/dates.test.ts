/** The timeline's date rules: what is a date, which month it falls in. */
import { describe, expect, it } from 'vitest';
import { formatMonth, monthIndex, noteMonth, parseMonth, parseNoteDate } from '../../../src/core/dates.js';

describe('parseNoteDate', () => {
  it.each([
    ['2021-04-02', { year: 2021, month: 4, day: 2 }],
    ['2021-04-02T23:59:00+14:00', { year: 2021, month: 4, day: 2 }], // as written, never shifted
    ['2021-04-02 10:00', { year: 2021, month: 4, day: 2 }],
    ['2021/4/2', { year: 2021, month: 4, day: 2 }],
    ['2021.04.02', { year: 2021, month: 4, day: 2 }],
    ['2021-04', { year: 2021, month: 4, day: 1 }],
    ['2021', { year: 2021, month: 1, day: 1 }], // a YAML number comes as its text
    ['20210402', { year: 2021, month: 4, day: 2 }],
    ['April 2, 2021', { year: 2021, month: 4, day: 2 }],
    ['2 Apr 2021', { year: 2021, month: 4, day: 2 }],
    ['Sept 2021', { year: 2021, month: 9, day: 1 }],
    ['2020-02-29', { year: 2020, month: 2, day: 29 }],
  ])('%s', (text, expected) => {
    expect(parseNoteDate(text)).toEqual(expected);
  });

  it.each([null, '', '  ', '{{date}}', 'tomorrow', '2021-13-01', '2021-02-30', '2019-02-29', '12', '1617235200', 'Foo 2021', 'true'])(
    'not a date: %j',
    (text) => {
      expect(parseNoteDate(text)).toBeNull();
    },
  );
});

describe('months', () => {
  it('consecutive months are consecutive numbers, across years', () => {
    expect(noteMonth('2020-12-31')! + 1).toBe(noteMonth('2021-01-01'));
    expect(monthIndex({ year: 2021, month: 4, day: 2 })).toBe(2021 * 12 + 3);
    expect(formatMonth(noteMonth('2021-04-02')!)).toBe('2021-04');
    expect(parseMonth('2021-04')).toBe(noteMonth('2021-04-30'));
    expect(noteMonth('nope')).toBeNull();
  });
});
