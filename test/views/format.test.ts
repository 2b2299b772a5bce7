/** The one set of number rules every staff page formats with (views/partials/format.ts). */
import { describe, expect, it } from 'vitest';
import {
  count,
  decimal,
  percent,
  probability,
  signed,
  unitChange,
  unitRange,
  unitValue,
} from '../../views/partials/format';

describe('number formats', () => {
  it('writes decimals, counts and signs the same way in English and Spanish', () => {
    expect(decimal('en', 3.8412)).toBe('3.84');
    expect(decimal('es', 3.8412)).toBe('3,84');
    expect(decimal('en', -0.5)).toBe('−0.50');
    expect(decimal('en', Number.NaN)).toBe('—');
    expect(count('en', 12400)).toBe('12,400');
    expect(count('es', 12400)).toBe('12.400');
    expect(signed('en', 0.47)).toBe('+0.47');
    expect(signed('en', -0.001)).toBe('0.00');
  });

  it('writes percent whole, with one decimal below 10%', () => {
    expect(percent('en', 0.7234)).toBe('72%');
    expect(percent('es', 0.7234)).toBe('72\u00a0%');
    expect(percent('en', 0.045)).toBe('4.5%');
    expect(percent('en', 0.045, 0)).toBe('5%');
    expect(probability('en', 0.9999)).toBe('> 99%');
    expect(probability('en', 0.004)).toBe('< 1%');
  });

  it('writes a CPI in its unit: rates, 1–5 means, hours', () => {
    expect(unitValue('en', 'rate', 0.72)).toBe('72%');
    expect(unitValue('en', 'mean', 3.8412)).toBe('3.84');
    expect(unitValue('en', 'hours', 22.46)).toBe('22.5 h');
    expect(unitRange('en', 'rate', 0.085, 0.12)).toBe('8.5–12%');
    expect(unitRange('es', 'mean', 3.14, 3.66)).toBe('3,14–3,66');
    expect(unitRange('en', 'hours', 18, 26.5)).toBe('18.0–26.5 h');
    expect(unitChange('en', 'rate', 0.08)).toBe('+8.0 pp');
    expect(unitChange('en', 'mean', -0.47)).toBe('−0.47');
    expect(unitChange('en', 'hours', -3.5)).toBe('−3.5 h');
  });
});
