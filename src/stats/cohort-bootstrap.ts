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

/**
 * A block as `width` features per row: 1, z (q), z zᵀ (upper, q(q+1)/2) — the X moments,
 * `xWidth` of them — then per post y and y·z (centred values; a missing post contributes 0
 * and its row's X moments are taken away for that post). Stored feature-major (feature k
 * of row i at k·rows + i) with the treated rows first, so each group's sums are unit-stride
 * dot products with the weights.
 */
interface FastBlock {
  q: number;
  posts: number;
  rows: number;
  treatedRows: number;
  width: number;
  xWidth: number;
  /** Pool index of each row's rep. */
  pool: Int32Array;
  features: Float64Array;
  missing: Int32Array[];
  source: BootstrapBlock;
}

/** Reused work space: row weights, per group (controls, treated) the drawn rows and moments, the X moments of one post, S, s. */
interface Work {
  rowWeight: Float64Array;
  drawn: Float64Array;
  acc: Float64Array;
  x: Float64Array;
  S: Float64Array;
  s: Float64Array;
  fit: Float64Array;
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
  const size = poolOf.size;
  const fast = blocks.map((b) => prepare(b, poolOf));
  const out = Array.from({ length: estimands }, () => new Float64Array(replicates));
  const weight = new Int32Array(size);
  const total = new Float64Array(estimands);
  const weighted = new Float64Array(estimands);
  const maxWidth = Math.max(0, ...fast.map((f) => f.width));
  const maxQ = Math.max(0, ...fast.map((f) => f.q));
  const work: Work = {
    rowWeight: new Float64Array(Math.max(0, ...fast.map((f) => f.rows))),
    drawn: new Float64Array(2),
    acc: new Float64Array(2 * maxWidth),
    x: new Float64Array(2 * maxWidth),
    S: new Float64Array(maxQ * maxQ),
    s: new Float64Array(maxQ),
    fit: new Float64Array(2),
  };
  for (let r = 0; r < replicates; r++) {
    weight.fill(0);
    for (let k = 0; k < size; k++) weight[Math.floor(random() * size)]!++;
    total.fill(0);
    weighted.fill(0);
    for (const f of fast) {
      accumulate(f, weight, work);
      for (let p = 0; p < f.posts; p++) {
        if (!f.source.entered[p] || !solvePost(f, p, work)) continue;
        const e = f.source.estimand[p]!;
        total[e] = total[e]! + work.fit[1]!;
        weighted[e] = weighted[e]! + work.fit[1]! * work.fit[0]!;
      }
    }
    for (let e = 0; e < estimands; e++) out[e]![r] = total[e]! > 0 ? weighted[e]! / total[e]! : NaN;
  }
  return out;
}

/** Centred copies (numerically kinder moments) as per-row features, and the rows each post lacks. */
function prepare(source: BootstrapBlock, poolOf: ReadonlyMap<number, number>): FastBlock {
  const { block } = source;
  const q = block.covariates.length;
  const rows = block.rep.length;
  const posts = block.posts.length;
  const xWidth = 1 + q + (q * (q + 1)) / 2;
  const width = xWidth + posts * (1 + q);
  const centre = (values: ArrayLike<number>, at: (i: number) => number): number => {
    let [sum, count] = [0, 0];
    for (let i = 0; i < rows; i++) {
      const v = values[at(i)]!;
      if (!Number.isNaN(v)) [sum, count] = [sum + v, count + 1];
    }
    return count > 0 ? sum / count : 0;
  };
  const zMeans = Array.from({ length: q }, (_, j) => centre(block.z, (i) => i * q + j));
  const yMeans = block.posts.map((column) => centre(column, (i) => i));
  const order = Array.from({ length: rows }, (_, i) => i).sort((a, b) => block.treated[b]! - block.treated[a]!);
  const features = new Float64Array(rows * width);
  const missing: number[][] = block.posts.map(() => []);
  const z = new Float64Array(q);
  order.forEach((source, i) => {
    let k = 0;
    const put = (v: number): void => void (features[k++ * rows + i] = v);
    for (let j = 0; j < q; j++) z[j] = block.z[source * q + j]! - zMeans[j]!;
    put(1);
    for (let j = 0; j < q; j++) put(z[j]!);
    for (let j = 0; j < q; j++) for (let l = j; l < q; l++) put(z[j]! * z[l]!);
    for (let p = 0; p < posts; p++) {
      const raw = block.posts[p]![source]!;
      if (Number.isNaN(raw)) missing[p]!.push(i);
      const y = Number.isNaN(raw) ? 0 : raw - yMeans[p]!;
      put(y);
      for (let j = 0; j < q; j++) put(y * z[j]!);
    }
  });
  return {
    q,
    posts,
    rows,
    treatedRows: block.treated.reduce((s, t) => s + t, 0),
    width,
    xWidth,
    pool: Int32Array.from(order, (i) => poolOf.get(block.rep[i]!)!),
    features,
    missing: missing.map((list) => Int32Array.from(list)),
    source,
  };
}

/** Per group: rows drawn, and Σ w·feature (dot products, four features at a time). */
function accumulate(f: FastBlock, weight: Int32Array, work: Work): void {
  const { rows, treatedRows, width, pool, features } = f;
  const { acc, drawn, rowWeight } = work;
  drawn[0] = 0;
  drawn[1] = 0;
  for (let i = 0; i < rows; i++) {
    const w = weight[pool[i]!]!;
    rowWeight[i] = w;
    if (w !== 0) drawn[i < treatedRows ? 1 : 0]!++;
  }
  for (let group = 0; group < 2; group++) {
    const from = group === 1 ? 0 : treatedRows;
    const to = group === 1 ? treatedRows : rows;
    const base = group * width;
    let k = 0;
    for (; k + 3 < width; k += 4) {
      const o0 = k * rows;
      const o1 = o0 + rows;
      const o2 = o1 + rows;
      const o3 = o2 + rows;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = from; i < to; i++) {
        const w = rowWeight[i]!;
        s0 += w * features[o0 + i]!;
        s1 += w * features[o1 + i]!;
        s2 += w * features[o2 + i]!;
        s3 += w * features[o3 + i]!;
      }
      acc[base + k] = s0;
      acc[base + k + 1] = s1;
      acc[base + k + 2] = s2;
      acc[base + k + 3] = s3;
    }
    for (; k < width; k++) {
      let sum = 0;
      for (let i = from; i < to; i++) sum += rowWeight[i]! * features[k * rows + i]!;
      acc[base + k] = sum;
    }
  }
}

/**
 * The cohort's treated coefficient for post p in this resample into work.fit ([effect,
 * weight = treated reps drawn]); false when the cohort is skipped. No closures or
 * allocations: this runs B × cohorts × posts times per effect.
 */
function solvePost(f: FastBlock, p: number, work: Work): boolean {
  const { q, rows, treatedRows, width, xWidth, features } = f;
  const { acc, x, S, s, fit, rowWeight } = work;
  let nC = work.drawn[0]!;
  let nT = work.drawn[1]!;
  // X moments per group (controls at 0, treated at xWidth), less the rows this post lacks (rare).
  for (let k = 0; k < xWidth; k++) {
    x[k] = acc[k]!;
    x[xWidth + k] = acc[width + k]!;
  }
  const gaps = f.missing[p]!;
  for (let m = 0; m < gaps.length; m++) {
    const i = gaps[m]!;
    const w = rowWeight[i]!;
    if (w === 0) continue;
    const isTreated = i < treatedRows;
    if (isTreated) nT--;
    else nC--;
    const base = isTreated ? xWidth : 0;
    for (let k = 0; k < xWidth; k++) x[base + k]! -= w * features[k * rows + i]!;
  }
  if (nT < 1 || nC < 3 || nT + nC < q + 5) return false;
  const wC = x[0]!;
  const wT = x[xWidth]!;
  const yAt = xWidth + p * (1 + q);
  const yC = acc[yAt]!;
  const yT = acc[width + yAt]!;
  for (let j = 0, k = 1 + q; j < q; j++) {
    for (let l = j; l < q; l++, k++) {
      const v = x[k]! - (x[1 + j]! * x[1 + l]!) / wC + x[xWidth + k]! - (x[xWidth + 1 + j]! * x[xWidth + 1 + l]!) / wT;
      S[j * q + l] = v;
      S[l * q + j] = v;
    }
    s[j] = acc[yAt + 1 + j]! - (x[1 + j]! * yC) / wC + acc[width + yAt + 1 + j]! - (x[xWidth + 1 + j]! * yT) / wT;
  }
  if (!choleskySolve(S, s, q)) return false;
  let effect = yT / wT - yC / wC;
  for (let j = 0; j < q; j++) effect -= (x[xWidth + 1 + j]! / wT - x[1 + j]! / wC) * s[j]!;
  fit[0] = effect;
  fit[1] = wT;
  return true;
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
