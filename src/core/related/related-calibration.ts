import type { ChoiceExample } from "./related-types";

/** A community fits its own calibration once its members have made this many choices. */
export const MIN_CHOICES = 30;
/**
 * How strongly the fit is held to the global model (the identity): as many examples' worth of
 * evidence, so thirty choices move the thresholds a little and three hundred move them a lot.
 */
const PRIOR = 20;

const logit = (p: number) => Math.log(Math.max(1e-6, Math.min(1 - 1e-6, p)) / (1 - Math.max(1e-6, Math.min(1 - 1e-6, p))));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** A community's own reading of the model's probabilities: p' = sigmoid(a · logit(p) + b). */
export interface Calibration {
  a: number;
  b: number;
}

export const applyCalibration = (c: Calibration) => (p: number): number => sigmoid(c.a * logit(p) + c.b);

/**
 * Fits a and b to what members chose (each item shown, answered or not) by Newton's method on the
 * log-loss, with a penalty pulling toward a = 1, b = 0: starting from the global model, the
 * community's choices move its thresholds as far as the evidence carries them.
 */
export const fitCalibration = (examples: readonly ChoiceExample[]): Calibration => {
  let a = 1, b = 0;
  const lambda = PRIOR / Math.max(1, examples.length);
  const n = Math.max(1, examples.length);
  for (let iter = 0; iter < 25; iter++) {
    // Mean gradient and Hessian of the log-loss, plus the prior's.
    let ga = lambda * (a - 1), gb = lambda * b, haa = lambda, hab = 0, hbb = lambda;
    for (const e of examples) {
      const z = logit(e.p), q = sigmoid(a * z + b), r = q - (e.yes ? 1 : 0), w = q * (1 - q);
      ga += (r * z) / n; gb += r / n;
      haa += (w * z * z) / n; hab += (w * z) / n; hbb += w / n;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 1e-12)) break;
    const da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
    a -= da; b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { a: Number.isFinite(a) ? a : 1, b: Number.isFinite(b) ? b : 0 };
};
