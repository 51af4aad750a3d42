import { MAX_OBJECTIVES } from '@dml/shared/api/logs';
import type { ReactNode } from 'react';
import type { Control, FieldErrors, UseFormRegister } from 'react-hook-form';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { errorText } from '../../lib/forms.ts';
import { DynamicFieldArray } from './DynamicFieldArray.tsx';
import {
  fieldLabels,
  type LogFormValues,
  type TextField as LogTextField,
  MAX_STAFF,
  MIN_SUMMARY,
} from './logForm.ts';

type Props = {
  register: UseFormRegister<LogFormValues>;
  control: Control<LogFormValues>;
  errors: FieldErrors<LogFormValues>;
  /** The facility picker (new plans) or the facility's name (existing ones). */
  facility: ReactNode;
  /** What the last visit to the facility left (new plans). */
  carryOver?: ReactNode;
  /** Earliest visit date the picker offers. */
  minDate?: string;
  disabled?: boolean;
};

const textAreas: { name: LogTextField; hint?: string; rows?: number }[] = [
  {
    name: 'performance_summary',
    hint: `How the facility is doing, from its data. At least ${MIN_SUMMARY} characters before you submit.`,
    rows: 4,
  },
  { name: 'identified_gaps', hint: 'Gaps seen in the data or at the last visit.' },
  { name: 'trends_summary', hint: 'Trends since earlier periods; starts from the last visit.' },
  { name: 'previous_followup', hint: 'Open action items from earlier visits; starts from them.' },
  { name: 'persistent_challenges' },
  { name: 'progress_made', hint: 'What improved since the last visit.' },
  { name: 'resources_needed', hint: 'Tools, job aids or materials to bring.' },
  { name: 'facility_requests' },
  { name: 'logistics_notes', hint: 'Transport, lodging, contacts.' },
];

/** Pre-visit planning: where, when, what to look at and whom to see. */
export const PlanningSection = ({
  register,
  control,
  errors,
  facility,
  carryOver,
  minDate,
  disabled = false,
}: Props) => {
  const field = (name: keyof typeof fieldLabels) => ({
    label: fieldLabels[name],
    error: errorText(
      fieldLabels[name],
      (errors[name as keyof LogFormValues] as { message?: string })?.message,
    ),
  });
  return (
    <fieldset className="form-section" disabled={disabled}>
      <legend className="form-section__title">Planning</legend>
      {facility}
      <TextField {...field('visit_date')} type="date" min={minDate} {...register('visit_date')} />
      {carryOver}
      <DynamicFieldArray
        name="objectives"
        control={control}
        register={register}
        errors={errors}
        legend="Objectives"
        itemLabel="Objective"
        addLabel="Add objective"
        hint={`What this visit should achieve, most important first (1 to ${MAX_OBJECTIVES}).`}
        min={1}
        max={MAX_OBJECTIVES}
        ordered
        disabled={disabled}
      />
      {textAreas.map(({ name, hint, rows }) => (
        <TextAreaField key={name} {...field(name)} hint={hint} rows={rows} {...register(name)} />
      ))}
      <DynamicFieldArray
        name="staff_to_engage"
        control={control}
        register={register}
        errors={errors}
        legend="Staff to engage"
        itemLabel="Staff member"
        addLabel="Add staff member"
        hint="Names or roles of the people to meet."
        max={MAX_STAFF}
        disabled={disabled}
      />
    </fieldset>
  );
};
