// Types of compileSchemas.mjs, for the test that keeps the generated validators current.
export const KINDS: string[];
export const GENERATED: string;
export function compileSchemas(): string;
