/**
 * The shape of one knowledge-base entry (one YAML file in `policies/kb/`).
 *
 * Every entry is written in our own words in all three locales and cites the exact passage of a
 * document in ../shared/seeds or ../shared/sources that it rests on. `npm run kb:check` validates
 * every file against this schema and checks that each passage is found verbatim in its source.
 */
import { z } from 'zod';

export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text written in all three locales. */
export const localized = z.object({
  'zh-CN': z.string().min(1),
  'zh-TW': z.string().min(1),
  en: z.string().min(1),
});
export type Localized = z.infer<typeof localized>;

/** A list written in all three locales (same number of items in each). */
export const localizedList = z
  .object({
    'zh-CN': z.array(z.string().min(1)),
    'zh-TW': z.array(z.string().min(1)),
    en: z.array(z.string().min(1)),
  })
  .refine((l) => l['zh-CN'].length === l['zh-TW'].length && l['zh-CN'].length === l.en.length, {
    message: 'every locale must have the same number of items',
  });
export type LocalizedList = z.infer<typeof localizedList>;

export const TOPICS = [
  'overview',
  'checkin',
  'aftercare_period',
  'pickup',
  'handover',
  'transition_subsidy',
  'placement_base',
  'subsistence',
  'special_hardship',
  'medical_aid',
  'education_aid',
  'housing_aid',
  'temporary_aid',
  'employment_services',
  'skills_training',
  'self_employment_fees',
  'business_loan',
  'tax',
  'employer_subsidy',
  'medical_insurance',
  'pension',
  'unemployment_insurance',
  'household_registration',
  'family_support',
  'visits',
  'key_subjects',
  'meetings',
  'records',
  'legal_aid',
  'rights',
  'land',
  'mental_health',
] as const;

export const AUDIENCES = ['subject', 'family', 'staff'] as const;

export const REGIONS = ['national', '江西', '广州', '重庆荣昌', '郑州', '河南', '上海'] as const;
export type Region = (typeof REGIONS)[number];

/**
 * Facts the eligibility dialog collects. Conditions in entries may only name these.
 * - age: years; householdSize: people; monthsSinceRelease: whole months
 * - hukou: 'urban' | 'rural'; releaseKind: 'prison' | 'correction'
 * - the rest are booleans
 */
export const FACTS = {
  age: 'number',
  householdSize: 'number',
  monthsSinceRelease: 'number',
  hukou: 'string',
  releaseKind: 'string',
  canWork: 'boolean',
  disabled: 'boolean',
  lowIncome: 'boolean', // household per-capita income below the local 低保 line
  employed: 'boolean',
  registeredUnemployed: 'boolean',
  hasHousing: 'boolean',
  hasFamilySupport: 'boolean', // has family to go back to / someone legally obliged to support them
  hadInsurance: 'boolean', // paid into social insurance before
  hasStudentsInFamily: 'boolean',
  seriousIllness: 'boolean',
  suddenHardship: 'boolean', // fire, accident, sudden illness …
  wantsSelfEmployment: 'boolean',
} as const;
export type FactName = keyof typeof FACTS;

const condition = z.object({
  fact: z.enum(Object.keys(FACTS) as [FactName, ...FactName[]]),
  op: z.enum(['eq', 'ne', 'gte', 'lte', 'gt', 'lt', 'in']),
  value: z.union([z.number(), z.string(), z.boolean(), z.array(z.string())]),
});
export type Condition = z.infer<typeof condition>;

/** Who is eligible: every condition in `all`, and (if given) at least one in `any`. */
const eligibility = z.object({
  all: z.array(condition).default([]),
  any: z.array(condition).default([]),
  note: localized.optional(),
});

const source = z.object({
  /** File name in ../shared/seeds or ../shared/sources. */
  file: z.string().regex(/^[\w.-]+\.(txt|md)$/),
  /** Document title, with its number where it has one, e.g. 荣昌府发〔2015〕20号 关于… */
  document: z.string().min(2),
  /** Section or article, e.g. 三、（三） or 第三十七条 */
  section: z.string().min(1),
  /** The exact passage, found verbatim (after collapsing white space) in the file. */
  passage: z.string().min(4),
});

export const entrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    status: z.enum(['current', 'superseded']).default('current'),
    supersededBy: z.string().optional(),
    topic: z.enum(TOPICS),
    audience: z.array(z.enum(AUDIENCES)).min(1),
    region: z.enum(REGIONS),
    title: localized,
    /** The answer itself: the facts (deadline, amount, where, what to bring) in plain words. */
    answer: localized,
    eligibility: eligibility.optional(),
    steps: localizedList.optional(),
    documents: localizedList.optional(),
    where: z.object({ apply: localized, decides: localized.optional() }).optional(),
    deadlines: localizedList.optional(),
    amounts: localizedList.optional(),
    related: z.array(z.string()).default([]),
    /** Questions as people might ask them, written by us (never copied from the eval set). */
    sampleQuestions: z.object({
      'zh-CN': z.array(z.string().min(2)).min(2),
      en: z.array(z.string().min(2)).default([]),
    }),
    /** Extra search terms: older names of a program, colloquial words. */
    keywords: z.array(z.string().min(1)).default([]),
    sources: z.array(source).min(1),
  })
  .strict()
  .refine((e) => e.status === 'current' || e.supersededBy, {
    message: 'a superseded entry must name supersededBy',
    path: ['supersededBy'],
  });

export type Entry = z.infer<typeof entrySchema>;
