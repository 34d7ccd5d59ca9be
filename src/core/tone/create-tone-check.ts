import { detectTone } from "./detect-tone";
import type { ToneCheck } from "./tone-types";

export const createToneCheck = (): ToneCheck => ({ inspect: detectTone });
