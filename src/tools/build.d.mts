// Types for build.mjs, which stays plain JavaScript so it can run before anything is compiled.
export declare const ROOT: string;
export declare const ENTRIES: Record<string, string>;
export declare const distFor: (source: string) => string;
export declare const buildDist: () => Promise<boolean>;
