/** needsFollowUp (src/domain/follow-ups.ts): a low answer from a customer who consented to be contacted. */
import { describe, expect, it } from 'vitest';
import { needsFollowUp } from '../../src/domain/follow-ups';

const answers = (over: Partial<Parameters<typeof needsFollowUp>[0]> = {}) => ({
  contactConsent: true,
  resolvedFirstContact: 1,
  contentUseful: 4,
  decisionClearer: 4,
  addedValue: 4,
  ...over,
});

describe('needsFollowUp', () => {
  it('opens one for FCR "no" or any 1–5 answer of 2 or less, with consent', () => {
    expect(needsFollowUp(answers())).toBe(false);
    expect(needsFollowUp(answers({ resolvedFirstContact: 0 }))).toBe(true);
    expect(needsFollowUp(answers({ contentUseful: 2 }))).toBe(true);
    expect(needsFollowUp(answers({ decisionClearer: 1 }))).toBe(true);
    expect(needsFollowUp(answers({ addedValue: 2 }))).toBe(true);
    expect(needsFollowUp(answers({ addedValue: 3 }))).toBe(false);
  });

  it('opens none without consent, and skipped answers are not low', () => {
    expect(needsFollowUp(answers({ contactConsent: false, resolvedFirstContact: 0, addedValue: 1 }))).toBe(false);
    expect(
      needsFollowUp(
        answers({ resolvedFirstContact: null, contentUseful: null, decisionClearer: null, addedValue: null }),
      ),
    ).toBe(false);
  });
});
