import type { CohortBlock } from './cohort-design.js';
import type { RandomSource } from './prng.js';

/**
 * The rep-cluster bootstrap of Evidence 2's cohort estimator, kept fast enough for a
 * worker thread: a resample only reweights rows (weight = how often the rep was
 * drawn), so each cohort's ANCOVA is refitted from weighted moments accumulated over
 * typed arrays. With two groups the treated coefficient of lm(y ~ treated + z) is
 *   b = (ȳ_T − ȳ_C) − (z̄_T − z̄_C)ᵀγ,  γ = S_zz⁻¹ s_zy  (pooled within-group regression),
 * the same number least squares gives (checked against ancovaEffect in the tests).
 * The solve is a Cholesky of a q × q matrix, q ≤ 3: ml-matrix objects in this loop
 * (millions of solves per request) would cost more than the arithmetic.
 */

/** Which posts of a block a resample refits: the cohort entered for them on the full data. */
export interface BootstrapBlock {
  block: CohortBlock;
  /** entered[p]: the cohort entered the estimator of post p on the full data. */
  entered: boolean[];
  /** Which estimand (index into the replicate arrays) post p feeds. */
  estimand: number[];
}

interface FastBlock {
  q: number;
  posts: number;
  rows: number;
  pool: Int32Array;
  treated: Uint8Array;
  z: Float64Array;
  y: Float64Array;
  missing: Int32Array[];
  stride: number;
  xMoments: number;
  source: BootstrapBlock;
}

/**
 * B replicates of each estimand's pooled effect (cohort effects averaged with weights =
 * treated reps drawn): reps of the pool drawn with replacement; a cohort that no longer
 * meets the entry rules (≥ 1 treated, ≥ 3 controls, rows ≥ parameters + 3) or whose
 * covariates became collinear is skipped and the weights renormalised. NaN where no
 * cohort is left.
 */
export function bootstrapReplicates(
  blocks: readonly BootstrapBlock[],
  estimands: number,
  replicates: number,
  random: RandomSource,
): Float64Array[] {
  const poolOf = new Map<number, number>();
  for (const { block } of blocks) for (const rep of block.rep) if (!poolOf.has(rep)) poolOf.set(rep, poolOf.size);
  const fast = blocks.map((b) => prepare(b, poolOf));
  const out = Array.from({ length: estimands }, () => new Float64Array(replicates));
  const weight = new Int32Array(poolOf.size);
  const total = new Float64Array(estimands);
  const weighted = new Float64Array(estimands);
  const maxStride = Math.max(0, ...fast.map((f) => f.stride));
  const acc = new Float64Array(2 * maxStride);
  const scratch = new Float64Array(64);
  for (let r = 0; r < replicates; r++) {
    weight.fill(0);
    for (let k = 0; k < poolOf.size; k++) weight[Math.floor(random() * poolOf.size)]!++;
    total.fill(0);
    weighted.fill(0);
    for (const f of fast) {
      accumulate(f, weight, acc);
      for (let p = 0; p < f.posts; p++) {
        if (!f.source.entered[p]) continue;
        const fit = solvePost(f, p, weight, acc, scratch);
        if (fit === null) continue;
        const e = f.source.estimand[p]!;
        total[e] = total[e]! + fit.weight;
        weighted[e] = weighted[e]! + fit.weight * fit.effect;
      }
    }
    for (let e = 0; e < estimands; e++) out[e]![r] = total[e]! > 0 ? weighted[e]! / total[e]! : NaN;
  }
  return out;
}

/** Centred copies (numerically kinder moments) and the rows each post lacks. */
function prepare(source: BootstrapBlock, poolOf: ReadonlyMap<number, number>): FastBlock {
  const { block } = source;
  const q = block.covariates.length;
  const rows = block.rep.length;
  const posts = block.posts.length;
  const z = new Float64Array(block.z);
  for (let j = 0; j < q; j++) {
    let m = 0;
    for (let i = 0; i < rows; i++) m += z[i * q + j]!;
    m /= rows;
    for (let i = 0; i < rows; i++) z[i * q + j] = z[i * q + j]! - m;
  }
  const y = new Float64Array(posts * rows);
  const missing: Int32Array[] = [];
  for (let p = 0; p < posts; p++) {
    const column = block.posts[p]!;
    const present = column.filter((v) => !Number.isNaN(v));
    const m = present.length > 0 ? present.reduce((s, v) => s + v, 0) / present.length : 0;
    const gaps: number[] = [];
    for (let i = 0; i < rows; i++) {
      if (Number.isNaN(column[i]!)) gaps.push(i);
      else y[p * rows + i] = column[i]! - m;
    }
    missing.push(Int32Array.from(gaps));
  }
  const xMoments = 2 + q + (q * (q + 1)) / 2;
  return {
    q,
    posts,
    rows,
    pool: Int32Array.from(block.rep, (rep) => poolOf.get(rep)!),
    treated: block.treated,
    z,
    y,
    missing,
    stride: xMoments + posts * (1 + q),
    xMoments,
    source,
  };
}

/** Per group (controls at 0, treated at stride): Σw, rows drawn, Σwz, Σwzzᵀ (upper), then per post Σwy, Σwyz. */
function accumulate(f: FastBlock, weight: Int32Array, acc: Float64Array): void {
  const { q, posts, rows, pool, treated, z, y, stride } = f;
  acc.fill(0, 0, 2 * stride);
  for (let i = 0; i < rows; i++) {
    const w = weight[pool[i]!]!;
    if (w === 0) continue;
    let k = treated[i]! * stride;
    acc[k++]! += w;
    acc[k++]! += 1;
    const zi = i * q;
    for (let j = 0; j < q; j++) acc[k++]! += w * z[zi + j]!;
    for (let j = 0; j < q; j++) {
      const wz = w * z[zi + j]!;
      for (let l = j; l < q; l++) acc[k++]! += wz * z[zi + l]!;
    }
    for (let p = 0; p < posts; p++) {
      const wy = w * y[p * rows + i]!;
      acc[k++]! += wy;
      for (let j = 0; j < q; j++) acc[k++]! += wy * z[zi + j]!;
    }
  }
}

/** The cohort's treated coefficient for post p in this resample, and its weight (treated reps drawn); null when skipped. */
function solvePost(
  f: FastBlock,
  p: number,
  weight: Int32Array,
  acc: Float64Array,
  scratch: Float64Array,
): { effect: number; weight: number } | null {
  const { q, stride, xMoments, pool, treated, z } = f;
  // X moments of the rows this post lacks, per group, to take away (missing posts are rare).
  const away = scratch.subarray(0, 2 * xMoments).fill(0);
  for (const i of f.missing[p]!) {
    const w = weight[pool[i]!]!;
    if (w === 0) continue;
    let k = treated[i]! * xMoments;
    away[k++]! += w;
    away[k++]! += 1;
    for (let j = 0; j < q; j++) away[k++]! += w * z[i * q + j]!;
    for (let j = 0; j < q; j++) for (let l = j; l < q; l++) away[k++]! += w * z[i * q + j]! * z[i * q + l]!;
  }
  const moment = (group: number, k: number): number => acc[group * stride + k]! - (k < xMoments ? away[group * xMoments + k]! : 0);
  const [wC, wT, nC, nT] = [moment(0, 0), moment(1, 0), moment(0, 1), moment(1, 1)];
  if (nT < 1 || nC < 3 || nT + nC < q + 5) return null;
  const S = scratch.subarray(2 * xMoments, 2 * xMoments + q * q);
  const s = scratch.subarray(2 * xMoments + q * q, 2 * xMoments + q * q + q);
  const yAt = xMoments + p * (1 + q);
  let diff = moment(1, yAt) / wT - moment(0, yAt) / wC;
  for (let j = 0, k = 2 + q; j < q; j++) {
    for (let l = j; l < q; l++, k++) {
      let v = 0;
      for (let g = 0; g < 2; g++) v += moment(g, k) - (moment(g, 2 + j) * moment(g, 2 + l)) / moment(g, 0);
      S[j * q + l] = v;
      S[l * q + j] = v;
    }
    let v = 0;
    for (let g = 0; g < 2; g++) v += moment(g, yAt + 1 + j) - (moment(g, 2 + j) * moment(g, yAt)) / moment(g, 0);
    s[j] = v;
  }
  if (!choleskySolve(S, s, q)) return null;
  for (let j = 0; j < q; j++) diff -= (moment(1, 2 + j) / wT - moment(0, 2 + j) / wC) * s[j]!;
  return { effect: diff, weight: wT };
}

/** Solves S x = s in place (x into s) for a small symmetric positive definite S; false when S is (near) singular. */
function choleskySolve(S: Float64Array, s: Float64Array, q: number): boolean {
  for (let j = 0; j < q; j++) {
    const scale = S[j * q + j]!;
    let d = scale;
    for (let k = 0; k < j; k++) d -= S[j * q + k]! * S[j * q + k]!;
    if (!(d > 1e-12 * scale)) return false;
    const root = Math.sqrt(d);
    S[j * q + j] = root;
    for (let i = j + 1; i < q; i++) {
      let v = S[i * q + j]!;
      for (let k = 0; k < j; k++) v -= S[i * q + k]! * S[j * q + k]!;
      S[i * q + j] = v / root;
    }
  }
  for (let i = 0; i < q; i++) {
    let v = s[i]!;
    for (let k = 0; k < i; k++) v -= S[i * q + k]! * s[k]!;
    s[i] = v / S[i * q + i]!;
  }
  for (let i = q - 1; i >= 0; i--) {
    let v = s[i]!;
    for (let k = i + 1; k < q; k++) v -= S[k * q + i]! * s[k]!;
    s[i] = v / S[i * q + i]!;
  }
  return true;
}
