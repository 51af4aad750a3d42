import {
  CreateFacilityBody,
  DEFAULT_GEOFENCE_RADIUS_M,
  Facility,
  type UpdateFacilityBody,
} from '@dml/shared/api/facilities';
import type * as z from '@dml/shared/zod';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useIdempotencyKey } from '../../api/useIdempotencyKey.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { FormDialogActions } from '../../components/FormDialogActions.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useVersionConflict } from '../../components/useVersionConflict.ts';
import { VersionConflict } from '../../components/VersionConflict.tsx';
import { EMPTY } from '../../lib/format.ts';
import {
  blankToNull,
  changedKeys,
  errorText,
  formFailure,
  toNumberOrNull,
  zodFormOptions,
} from '../../lib/forms.ts';
import { useCreateFacility, useUpdateFacility } from './api.ts';
import { facilityKeys } from './keys.ts';
import { facilityTypeLabels, facilityTypeOptions, isFacilityType } from './labels.ts';

type Input = z.input<typeof CreateFacilityBody>;
type Output = z.output<typeof CreateFacilityBody>;

const FIELDS = [
  'name',
  'code',
  'state',
  'facility_type',
  'location',
  'contact_person',
  'contact_email',
  'contact_phone',
  'latitude',
  'longitude',
  'geofence_radius_m',
] as const;
type Field = (typeof FIELDS)[number];

const LABELS: Record<Field, string> = {
  name: 'Name',
  code: 'Code',
  state: 'State',
  facility_type: 'Type',
  location: 'Location',
  contact_person: 'Contact person',
  contact_email: 'Contact email',
  contact_phone: 'Contact phone',
  latitude: 'Latitude',
  longitude: 'Longitude',
  geofence_radius_m: 'Check-in radius (metres)',
};

/** Empty optional fields start undefined: the input reads as blank and becomes null. */
const formValues = (facility: Facility | undefined): Partial<Input> =>
  facility
    ? {
        name: facility.name,
        code: facility.code,
        state: facility.state,
        facility_type: facility.facility_type,
        location: facility.location ?? undefined,
        contact_person: facility.contact_person ?? undefined,
        contact_email: facility.contact_email ?? undefined,
        contact_phone: facility.contact_phone ?? undefined,
        latitude: facility.latitude ?? undefined,
        longitude: facility.longitude ?? undefined,
        geofence_radius_m: facility.geofence_radius_m,
      }
    : { name: '', code: '', state: '', geofence_radius_m: DEFAULT_GEOFENCE_RADIUS_M };

const show = (field: Field, value: unknown) => {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (field === 'facility_type' && typeof value === 'string' && isFacilityType(value))
    return facilityTypeLabels[value];
  return String(value);
};

/** The fields to send on an update: those changed, and both coordinates when either changed. */
const updateBody = (values: Output, base: Facility, version: number): UpdateFacilityBody | null => {
  const changed = new Set(changedKeys(values, base, FIELDS));
  if (changed.size === 0) return null;
  if (changed.has('latitude') || changed.has('longitude')) {
    changed.add('latitude');
    changed.add('longitude');
  }
  const body: UpdateFacilityBody = { version };
  for (const key of changed) {
    // A blank radius means "leave it" (it has a default), not "clear it".
    if (values[key] !== undefined) Object.assign(body, { [key]: values[key] });
  }
  return body;
};

type Props = {
  /** Editing this facility; creating a new one when absent. */
  facility?: Facility;
  onClose: () => void;
  onSaved: (facility: Facility) => void;
};

/** Admins register or change a facility. Code is unique; latitude and longitude come as a pair. */
export const FacilityFormDialog = ({ facility, onClose, onSaved }: Props) => {
  const create = useCreateFacility();
  const update = useUpdateFacility();
  const client = useQueryClient();
  const idempotency = useIdempotencyKey();
  const [base, setBase] = useState(facility);
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({
    resolver: zodResolver(CreateFacilityBody, zodFormOptions),
    defaultValues: formValues(facility),
  });

  const save = async (values: Output, version: number) => {
    setFailure(null);
    try {
      if (!base) {
        const created = await create.mutateAsync({ body: values, idempotencyKey: idempotency.key });
        idempotency.renew();
        onSaved(created);
        onClose();
        return;
      }
      const body = updateBody(values, base, version);
      if (!body) {
        onClose();
        return;
      }
      onSaved(await update.mutateAsync({ id: base.id, body }));
      onClose();
    } catch (error) {
      if (!conflict.catchConflict(error, values)) setFailure(formFailure(error, setError, FIELDS));
    }
  };

  const conflict = useVersionConflict({
    schema: Facility,
    fields: FIELDS,
    labels: LABELS,
    show,
    onReload: (saved) => {
      setBase(saved);
      reset(formValues(saved));
      client.setQueryData(facilityKeys.detail(saved.id), saved);
    },
    onReapply: save,
  });

  const submit = handleSubmit((values) => save(values, base?.version ?? 1));

  const busy = isSubmitting || create.isPending || update.isPending;
  const optional = { setValueAs: blankToNull };
  const field = (name: Field) => ({ error: errorText(LABELS[name], errors[name]?.message) });
  const title = facility ? `Edit ${facility.name}` : 'New facility';

  return (
    <Dialog title={title} onClose={onClose} busy={busy} wide>
      <form className="form" onSubmit={submit} noValidate aria-label={title}>
        <FormAlert message={failure} />
        {conflict.view && <VersionConflict what="facility" busy={busy} {...conflict.view} />}
        <TextField label="Name" autoComplete="off" {...field('name')} {...register('name')} />
        <TextField
          label="Code"
          hint="Unique; letters, digits and - _ . / (saved in capitals)"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          {...field('code')}
          {...register('code')}
        />
        <TextField label="State" autoComplete="off" {...field('state')} {...register('state')} />
        <SelectField
          label="Type"
          options={
            facility ? facilityTypeOptions : [{ value: '', label: 'Choose a type' }, ...facilityTypeOptions]
          }
          {...field('facility_type')}
          {...register('facility_type')}
        />
        <TextField
          label="Location"
          hint="Optional: address, town or LGA"
          {...field('location')}
          {...register('location', optional)}
        />

        <fieldset className="fieldset">
          <legend className="fieldset__legend">Contact (optional)</legend>
          <TextField
            label="Contact person"
            {...field('contact_person')}
            {...register('contact_person', optional)}
          />
          <TextField
            label="Contact email"
            type="email"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            {...field('contact_email')}
            {...register('contact_email', optional)}
          />
          <TextField
            label="Contact phone"
            type="tel"
            {...field('contact_phone')}
            {...register('contact_phone', optional)}
          />
        </fieldset>

        <fieldset className="fieldset">
          <legend className="fieldset__legend">Position for check-ins (optional)</legend>
          <p className="field__hint">Give both latitude and longitude, or neither.</p>
          <div className="field-pair">
            <TextField
              label="Latitude"
              type="number"
              step="any"
              min={-90}
              max={90}
              inputMode="decimal"
              {...field('latitude')}
              {...register('latitude', { setValueAs: toNumberOrNull })}
            />
            <TextField
              label="Longitude"
              type="number"
              step="any"
              min={-180}
              max={180}
              inputMode="decimal"
              {...field('longitude')}
              {...register('longitude', { setValueAs: toNumberOrNull })}
            />
          </div>
          <TextField
            label={LABELS.geofence_radius_m}
            type="number"
            step={1}
            min={50}
            max={50_000}
            inputMode="numeric"
            hint={`Check-ins farther than this from the facility are flagged as off-site. Default ${DEFAULT_GEOFENCE_RADIUS_M} m.`}
            {...field('geofence_radius_m')}
            {...register('geofence_radius_m', { setValueAs: (value) => toNumberOrNull(value) ?? undefined })}
          />
        </fieldset>

        <FormDialogActions submitLabel="Save" busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
};
