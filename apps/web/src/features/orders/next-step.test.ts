import { describe, expect, it } from 'vitest';
import { nextStep, withKept } from './next-step';

describe('nextStep', () => {
  it("names the handler's next forward move: accept, then start, then handle", () => {
    expect(nextStep({ status: 'dispatched', abilities: { events: ['return', 'accept'] } })).toEqual({ kind: 'event', event: 'accept' });
    expect(nextStep({ status: 'accepted', abilities: { events: ['request_extension', 'handle', 'start'] } })).toEqual({
      kind: 'event',
      event: 'start',
    });
    expect(nextStep({ status: 'in_progress', abilities: { events: ['handle', 'return'] } })).toEqual({ kind: 'event', event: 'handle' });
  });

  it('says what the order waits for when the user has no forward move', () => {
    expect(nextStep({ status: 'handled', abilities: { events: [] } })).toEqual({ kind: 'wait', key: 'waitRating' });
    expect(nextStep({ status: 'confirmed', abilities: { events: [] } })).toEqual({ kind: 'wait', key: 'waitClose' });
    expect(nextStep({ status: 'closed', abilities: { events: [] } })).toEqual({ kind: 'wait', key: 'done' });
    expect(nextStep({ status: 'placed', abilities: { events: ['withdraw'] } })).toEqual({ kind: 'wait', key: 'none' });
  });
});

describe('withKept', () => {
  const a = { id: 'a', v: 1 };
  const b = { id: 'b', v: 1 };
  it('keeps a moved order at the top when it left the page, and marks it in place when it is still there', () => {
    expect(withKept([b], [{ id: 'a', v: 2 }])).toEqual([
      { item: { id: 'a', v: 2 }, kept: true },
      { item: b, kept: false },
    ]);
    expect(withKept([a, b], [{ id: 'b', v: 3 }])).toEqual([
      { item: a, kept: false },
      { item: b, kept: true },
    ]);
    expect(withKept([a], [])).toEqual([{ item: a, kept: false }]);
  });
});
