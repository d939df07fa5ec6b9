/**
 * eGFR by the race-free CKD-EPI 2021 creatinine equation, mL/min/1.73 m².
 * Inker LA, Eneanya ND, Coresh J, et al. New creatinine- and cystatin C-based equations to estimate
 * GFR without race. N Engl J Med 2021;385:1737-1749 (docs/equations.md §8d).
 */
import type { Sex } from './common.ts';

export function egfrCkdEpi2021(creatinineMgDl: number, ageYears: number, sex: Sex): number {
  const female = sex === 'female';
  const k = female ? 0.7 : 0.9;
  const alpha = female ? -0.241 : -0.302;
  const r = creatinineMgDl / k;
  return 142 * Math.min(r, 1) ** alpha * Math.max(r, 1) ** -1.2 * 0.9938 ** ageYears * (female ? 1.012 : 1);
}
