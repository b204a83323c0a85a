/**
 * The facts a guided conversation collects, and the shapes the parser returns. The zod schema is
 * the same shape as {@link Facts}; the vocabulary YAML is validated against it.
 */
import { z } from 'zod';
import { REGIONS, type Region } from '../../policies/schema.js';

/** What we know about the person; every field optional = unknown. */
export interface Facts {
  age?: number;
  householdSize?: number;
  monthsSinceRelease?: number;
  hukou?: 'urban' | 'rural';
  releaseKind?: 'prison' | 'correction';
  canWork?: boolean;
  disabled?: boolean;
  lowIncome?: boolean;
  employed?: boolean;
  registeredUnemployed?: boolean;
  hasHousing?: boolean;
  hasFamilySupport?: boolean;
  hadInsurance?: boolean;
  hasStudentsInFamily?: boolean;
  seriousIllness?: boolean;
  suddenHardship?: boolean;
  wantsSelfEmployment?: boolean;
  region?: Region;
  /** ISO yyyy-mm-dd */
  releaseDate?: string;
  /** yuan */
  monthlyIncomePerPerson?: number;
}
export type FactName = keyof Facts;

export type InvalidReason = 'out_of_range' | 'not_a_number' | 'future_date' | 'too_old_date';
export interface Extraction {
  facts: Facts;
  invalid: Array<{ fact: FactName; reason: InvalidReason }>;
}

/** The answer to one question the bot asked. */
export type Answer<T> = { kind: 'value'; value: T } | { kind: 'skip' } | { kind: 'invalid'; reason: string } | { kind: 'none' };

export const factsSchema = z
  .object({
    age: z.number(),
    householdSize: z.number(),
    monthsSinceRelease: z.number(),
    hukou: z.enum(['urban', 'rural']),
    releaseKind: z.enum(['prison', 'correction']),
    canWork: z.boolean(),
    disabled: z.boolean(),
    lowIncome: z.boolean(),
    employed: z.boolean(),
    registeredUnemployed: z.boolean(),
    hasHousing: z.boolean(),
    hasFamilySupport: z.boolean(),
    hadInsurance: z.boolean(),
    hasStudentsInFamily: z.boolean(),
    seriousIllness: z.boolean(),
    suddenHardship: z.boolean(),
    wantsSelfEmployment: z.boolean(),
    region: z.enum(REGIONS),
    releaseDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    monthlyIncomePerPerson: z.number(),
  })
  .partial()
  .strict();
// Compile-time check that the schema and the interface agree (both directions).
type SchemaFacts = z.infer<typeof factsSchema>;
export const schemaMatchesFacts: [SchemaFacts] extends [Facts] ? ([Facts] extends [SchemaFacts] ? true : false) : false = true;

export const FACT_NAMES = Object.keys(factsSchema.shape) as FactName[];

/** One thing a message says about a fact, with where it was said (later mentions win). */
export interface Mention {
  fact: FactName;
  /** The value, or an invalid reason when the message states one that cannot be used. */
  value?: Facts[FactName];
  invalid?: InvalidReason;
  /** Position in the message: clause index * 1e5 + offset, so order survives clause splitting. */
  at: number;
}
