import { durationText, joinAnd, plural } from './plain-words';

describe('durationText', () => {
  it.each([
    [5, '5 minutes'],
    [60, '1 hour'],
    [90, '1 hour and 30 minutes'],
    [480, '8 hours'],
    [1440, '1 day'],
    [1505, '1 day, 1 hour and 5 minutes'],
    [10_080, '7 days'],
    [43_200, '30 days'],
  ])('%i minutes → %s', (minutes, text) => {
    expect(durationText(minutes)).toBe(text);
  });

  it('says nothing for an empty field', () => {
    expect(durationText(null)).toBe('');
  });
});

describe('plural and joinAnd', () => {
  it('counts and lists', () => {
    expect(plural(1, 'day')).toBe('1 day');
    expect(plural(1200, 'character')).toBe('1,200 characters');
    expect(joinAnd(['a'])).toBe('a');
    expect(joinAnd(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
