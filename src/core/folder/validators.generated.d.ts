// Types of validators.generated.js (scripts/compileSchemas.mjs writes it from schemas/).
import type { ErrorObject } from 'ajv';

export type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

export const program: Validate;
export const person: Validate;
export const plan: Validate;
export const session: Validate;
export const feedback: Validate;
export const retro: Validate;
