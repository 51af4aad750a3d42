import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { errorText } from '../../lib/forms.ts';
import { fieldLabels, type LogFormValues, MIN_OUTCOMES } from './logForm.ts';

type Props = {
  register: UseFormRegister<LogFormValues>;
  errors: FieldErrors<LogFormValues>;
  disabled?: boolean;
};

/** After the visit: what came of it and what was learned. */
export const ReportingSection = ({ register, errors, disabled = false }: Props) => (
  <fieldset className="form-section" disabled={disabled}>
    <legend className="form-section__title">Report</legend>
    <TextAreaField
      label={fieldLabels.visit_outcomes}
      hint={`What happened at the visit. At least ${MIN_OUTCOMES} characters before you complete it.`}
      rows={5}
      error={errorText(fieldLabels.visit_outcomes, errors.visit_outcomes?.message)}
      {...register('visit_outcomes')}
    />
    <TextAreaField
      label={fieldLabels.lessons_learned}
      rows={4}
      error={errorText(fieldLabels.lessons_learned, errors.lessons_learned?.message)}
      {...register('lessons_learned')}
    />
  </fieldset>
);
