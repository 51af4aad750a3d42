import type { UseFormRegisterReturn } from 'react-hook-form';
import { SelectField } from '../../components/SelectField.tsx';
import { errorText } from '../../lib/forms.ts';
import { useFacilityList } from '../facilities/index.ts';

/** A new plan's facility: one of those the user covers (the first 100). */
export const FacilityPicker = ({
  field,
  error,
}: {
  field: UseFormRegisterReturn<'facility_id'>;
  error: string | undefined;
}) => {
  const facilities = useFacilityList({}, 100);
  return (
    <SelectField
      label="Facility"
      hint={
        facilities.isSuccess && facilities.items.length === 0
          ? 'No facilities are assigned to you yet: ask your programme administrator.'
          : facilities.hasNextPage
            ? 'Showing the first 100 facilities you cover.'
            : 'Facilities you cover.'
      }
      error={errorText('Facility', error)}
      options={[
        { value: '', label: facilities.isPending ? 'Loading facilities…' : 'Choose a facility' },
        ...facilities.items.map((f) => ({ value: f.id, label: f.name })),
      ]}
      {...field}
    />
  );
};

/** An existing log's facility: fixed once the draft exists. */
export const FacilityName = ({ name }: { name: string }) => (
  <div className="field">
    <span className="field__label">Facility</span>
    <p className="field__static">{name}</p>
  </div>
);
