import { describe, expect, it } from 'vitest';
import { StoreDamage } from '../../../../main/annotations/store/store-integrity';

describe('store-integrity', () => {
  it('words store damage as one printable line, however SQLite or a damaged record put it', () => {
    const quickCheck = `*** in database main ***\nOn tree page 3 cell 0: invalid page number 2147483647\n${'x'.repeat(5_000)}`;
    const damage = new StoreDamage(
      `SQLite's integrity check failed (${quickCheck}) for the note urn:x:\u202e\u0000`,
    );
    expect(damage.reason).toMatch(
      /^SQLite's integrity check failed \(\*\*\* in database main \*\*\* On tree page 3/,
    );
    expect(damage.reason).toMatch(/^[^\p{Cc}\p{Cf}\u2028\u2029]*$/u);
    expect(Array.from(damage.reason)).toHaveLength(300);
    expect(damage.message).toBe(damage.reason);
  });
});
