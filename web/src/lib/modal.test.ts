import { describe, expect, it } from 'vitest';
import { cycle } from './modal';

describe('cycle (Tab inside a dialog)', () => {
  it('moves forward and wraps from the last stop to the first', () => {
    expect(cycle(3, 0, false)).toBe(1);
    expect(cycle(3, 2, false)).toBe(0);
  });

  it('moves back with Shift and wraps from the first stop to the last', () => {
    expect(cycle(3, 1, true)).toBe(0);
    expect(cycle(3, 0, true)).toBe(2);
  });

  it('enters at either end when the focus is on none of the stops (the dialog itself)', () => {
    expect(cycle(3, -1, false)).toBe(0);
    expect(cycle(3, -1, true)).toBe(2);
  });

  it('has nowhere to go in a dialog without stops', () => {
    expect(cycle(0, -1, false)).toBe(-1);
  });
});
