import type { ErrorDetail } from '@dml/shared/api/errors';
import {
  CreateLogBody,
  type MentorshipLogView,
  planningFieldNames,
  planningFields,
  reportingFieldNames,
  reportingFields,
  type UpdateLogBody,
} from '@dml/shared/api/logs';
import { logFieldLabels, type PlanningTextField, planningTextFields } from '@dml/shared/domain/log-fields';
import { submitProblems as submitRules } from '@dml/shared/domain/log-requirements';
import * as z from '@dml/shared/zod';
import { formErrorMap } from '../../lib/forms.ts';

/**
 * The log form's model: what the inputs hold (strings, and rows for the dynamic lists, since
 * react-hook-form's field arrays need objects), the zod schema built from the shared field schemas,
 * and the conversions to and from the API's body.
 */

export const textFields = planningTextFields;
export type TextField = PlanningTextField;
export type ReportingField = (typeof reportingFieldNames)[number];
export type PlanningField = (typeof planningFieldNames)[number];
/** Every field the API may change on an existing log. */
export type EditableField = PlanningField | ReportingField;

export type LogFormValues = Record<TextField | ReportingField, string> & {
  facility_id: string;
  visit_date: string;
  staff_to_engage: { value: string }[];
  objectives: { text: string }[];
};

export const fieldLabels: Record<EditableField | 'facility_id', string> = logFieldLabels;

/** The minimums the API checks on submit and complete: the hints and the checks before sending say them. */
export { MIN_OUTCOMES, MIN_SUMMARY } from '@dml/shared/domain/log-requirements';
/** Stops the "Add" button; the shared schema holds the same limit and is what checks it. */
export const MAX_STAFF = 50;

const objectiveText = planningFields.objectives.def.element;
const staffName = planningFields.staff_to_engage.def.element;

/** A dynamic-list row: blank rows are placeholders (left out when saving); others follow the shared rule. */
const row = <K extends string>(key: K, rule: z.ZodMiniType) =>
  z.object({ [key]: z.string() } as Record<K, z.ZodMiniString<string>>).check(
    z.superRefine((value, ctx) => {
      const text = (value as Record<string, string>)[key] ?? '';
      if (text.trim() === '') return;
      const result = rule.safeParse(text, { error: formErrorMap });
      if (!result.success) {
        ctx.addIssue({
          code: 'custom',
          message: result.error.issues[0]?.message ?? 'is not valid',
          path: [key],
        });
      }
    }),
  );

/** The shared list's own limit (how many items), applied to the rows that will be sent. */
const listLimit = <K extends string>(shared: z.ZodMiniType, key: K) =>
  z.superRefine((rows: Record<K, string>[], ctx) => {
    const texts = rows.map((r) => r[key].trim()).filter(Boolean);
    const result = shared.safeParse(texts, { error: formErrorMap });
    const tooBig = result.error?.issues.find((issue) => issue.code === 'too_big' && issue.path.length === 0);
    if (tooBig) ctx.addIssue({ code: 'custom', message: tooBig.message, path: [] });
  });

const required = z.minLength(1, 'is required');

/**
 * The form's schema. `savedVisitDate`: an unchanged date may be in the past (the visit happened);
 * a new or moved one must be today or later in the programme's time zone.
 */
export const logFormSchema = ({ today, savedVisitDate }: { today: string; savedVisitDate?: string }) =>
  z.object({
    facility_id: z.pipe(z.string().check(required), CreateLogBody.shape.facility_id),
    visit_date: z.pipe(z.string().check(required), planningFields.visit_date).check(
      z.refine((date) => date === savedVisitDate || date >= today, {
        message: `must be ${today} or later`,
      }),
    ),
    ...(Object.fromEntries(textFields.map((key) => [key, planningFields[key].def.innerType])) as Record<
      TextField,
      (typeof planningFields)[TextField]['def']['innerType']
    >),
    staff_to_engage: z
      .array(row('value', staffName))
      .check(listLimit(planningFields.staff_to_engage, 'value')),
    objectives: z.array(row('text', objectiveText)).check(listLimit(planningFields.objectives, 'text')),
    visit_outcomes: reportingFields.visit_outcomes.def.innerType,
    lessons_learned: reportingFields.lessons_learned.def.innerType,
  });
export type LogFormSchema = ReturnType<typeof logFormSchema>;

/** The form's starting values: a log's, or blanks for a new plan. */
export const formValuesOf = (log: MentorshipLogView | null, facilityId = ''): LogFormValues => ({
  facility_id: log?.facility_id ?? facilityId,
  visit_date: log?.visit_date ?? '',
  ...(Object.fromEntries(textFields.map((key) => [key, log?.[key] ?? ''])) as Record<TextField, string>),
  staff_to_engage: (log?.staff_to_engage ?? []).map((value) => ({ value })),
  objectives: log?.objectives.length
    ? [...log.objectives].sort((a, b) => a.sequence - b.sequence).map((o) => ({ text: o.objective_text }))
    : [{ text: '' }],
  visit_outcomes: log?.visit_outcomes ?? '',
  lessons_learned: log?.lessons_learned ?? '',
});

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The API's value of each editable field, as the form would send it. */
export type ApiValues = {
  [K in EditableField]-?: Exclude<UpdateLogBody[K], undefined>;
};

export const apiValuesOfForm = (values: LogFormValues): ApiValues => ({
  visit_date: values.visit_date,
  ...(Object.fromEntries(textFields.map((key) => [key, blankToNull(values[key] ?? '')])) as Record<
    TextField,
    string | null
  >),
  staff_to_engage: (values.staff_to_engage ?? []).map((r) => r.value.trim()).filter(Boolean),
  objectives: (values.objectives ?? []).map((r) => r.text.trim()).filter(Boolean),
  visit_outcomes: blankToNull(values.visit_outcomes ?? ''),
  lessons_learned: blankToNull(values.lessons_learned ?? ''),
});

export const apiValuesOfLog = (log: MentorshipLogView): ApiValues => ({
  visit_date: log.visit_date,
  ...(Object.fromEntries(textFields.map((key) => [key, log[key]])) as Record<TextField, string | null>),
  staff_to_engage: log.staff_to_engage,
  objectives: [...log.objectives].sort((a, b) => a.sequence - b.sequence).map((o) => o.objective_text),
  visit_outcomes: log.visit_outcomes,
  lessons_learned: log.lessons_learned,
});

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields the user may change now (planning while draft/returned, reporting while approved). */
export const editableFields = (log: Pick<MentorshipLogView, 'editable_sections'>): EditableField[] => [
  ...(log.editable_sections.includes('planning') ? planningFieldNames : []),
  ...(log.editable_sections.includes('reporting') ? reportingFieldNames : []),
];

/** Fields whose form value differs from the saved log. */
export const changedFields = (
  values: LogFormValues,
  log: MentorshipLogView,
  fields: readonly EditableField[],
): EditableField[] => {
  const mine = apiValuesOfForm(values);
  const saved = apiValuesOfLog(log);
  return fields.filter((field) => !same(mine[field], saved[field]));
};

/** Does this field's current value pass the form's rules? (Autosave leaves invalid fields for later.) */
export const fieldIsValid = (schema: LogFormSchema, field: EditableField, values: LogFormValues) =>
  schema.shape[field].safeParse(values[field], { error: formErrorMap }).success;

/** An update body carrying `fields` from the form. */
export const updateBody = (
  values: LogFormValues,
  fields: readonly EditableField[],
  version: number,
): UpdateLogBody => {
  const mine = apiValuesOfForm(values);
  const body: UpdateLogBody = { version };
  for (const field of fields) Object.assign(body, { [field]: mine[field] });
  return body;
};

/** The create body: the facility, the date and every planning field that has something in it. */
export const createBody = (values: LogFormValues): CreateLogBody => {
  const mine = apiValuesOfForm(values);
  const body: CreateLogBody = { facility_id: values.facility_id, visit_date: values.visit_date };
  for (const field of planningFieldNames) {
    const value = mine[field];
    if (field === 'visit_date') continue;
    if (value === null || (Array.isArray(value) && value.length === 0)) continue;
    Object.assign(body, { [field]: value });
  }
  return body;
};

/** Where an API detail belongs in the form: list items by their row (blank rows are not sent). */
export const formPathOf = (values: LogFormValues, path: string): string | null => {
  const [field, index] = path.split('.');
  if (field === 'objectives' || field === 'staff_to_engage') {
    if (index === undefined) return `${field}.root`;
    const key = field === 'objectives' ? 'text' : 'value';
    const rows = (values[field] as Record<string, string>[]).map((r, i) => ({ i, text: r[key] ?? '' }));
    const sent = rows.filter((r) => r.text.trim() !== '');
    const target = sent[Number(index)];
    return target ? `${field}.${target.i}.${key}` : `${field}.root`;
  }
  if (field && field in fieldLabels) return field;
  return null;
};

/** Splits API details into those placed on form fields and those to show above the form. */
export const placeDetails = (values: LogFormValues, details: readonly ErrorDetail[]) => {
  const placed: { path: string; message: string }[] = [];
  const unplaced: ErrorDetail[] = [];
  for (const detail of details) {
    const path = formPathOf(values, detail.path);
    if (path) placed.push({ path, message: detail.message });
    else unplaced.push(detail);
  }
  return { placed, unplaced };
};

/** What submit needs, checked on the values the form would send so the fields say it at once. */
export const submitProblems = (values: LogFormValues): ErrorDetail[] => submitRules(apiValuesOfForm(values));
