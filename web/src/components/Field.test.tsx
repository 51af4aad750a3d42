import { render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { CheckboxField } from './CheckboxField.tsx';
import { SelectField } from './SelectField.tsx';
import { TextAreaField } from './TextAreaField.tsx';
import { TextField } from './TextField.tsx';

/** The texts a screen reader reads after the control's name (its `aria-describedby`, in order). */
const description = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent);

describe('form fields', () => {
  it('name the control by its label and describe it by its hint', () => {
    render(<TextField label="Name" hint="As on their ID card" />);

    const input = screen.getByRole('textbox', { name: 'Name' });
    expect(description(input)).toEqual(['As on their ID card']);
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('mark the control invalid and add the error to its description, after the hint', () => {
    render(<TextField label="Name" hint="As on their ID card" error="Name is required" />);

    const input = screen.getByRole('textbox', { name: 'Name' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(description(input)).toEqual(['As on their ID card', 'Name is required']);
    expect(input.closest('.field')?.classList.contains('field--invalid')).toBe(true);
  });

  it('describe nothing when there is neither hint nor error', () => {
    render(<TextField label="Name" />);

    expect(screen.getByRole('textbox', { name: 'Name' }).hasAttribute('aria-describedby')).toBe(false);
  });

  it('tie select, text area and checkbox to their label, hint and error the same way', () => {
    render(
      <>
        <SelectField
          label="Role"
          hint="Pick one"
          error="Role is required"
          options={[{ value: 'a', label: 'A' }]}
        />
        <TextAreaField label="Notes" hint="Optional" error="Notes is too long" />
        <CheckboxField label="Active" hint="Can sign in" error="Active is required" />
      </>,
    );

    const controls = [
      [screen.getByRole('combobox', { name: 'Role' }), ['Pick one', 'Role is required']],
      [screen.getByRole('textbox', { name: 'Notes' }), ['Optional', 'Notes is too long']],
      [screen.getByRole('checkbox', { name: 'Active' }), ['Can sign in', 'Active is required']],
    ] as const;
    for (const [control, texts] of controls) {
      expect(control.getAttribute('aria-invalid')).toBe('true');
      expect(description(control)).toEqual(texts);
    }
  });

  it('give each field its own ids, so two fields never share a hint', () => {
    render(
      <>
        <TextField label="From" hint="First day" />
        <TextField label="To" hint="Last day" />
      </>,
    );

    expect(description(screen.getByRole('textbox', { name: 'From' }))).toEqual(['First day']);
    expect(description(screen.getByRole('textbox', { name: 'To' }))).toEqual(['Last day']);
  });

  it("pass the caller's props and ref to the control (as react-hook-form's register needs)", () => {
    const ref = createRef<HTMLTextAreaElement>();
    render(<TextAreaField label="Notes" ref={ref} name="notes" rows={5} defaultValue="Hello" />);

    const box = screen.getByRole('textbox', { name: 'Notes' });
    expect(ref.current).toBe(box);
    expect(box.getAttribute('name')).toBe('notes');
    expect(box.getAttribute('rows')).toBe('5');
    expect((box as HTMLTextAreaElement).value).toBe('Hello');
  });
});
