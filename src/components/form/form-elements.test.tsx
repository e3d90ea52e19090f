import { zodResolver } from '@hookform/resolvers/zod';
import Button from '@mui/material/Button';
import { screen, waitFor } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import * as z from 'zod';
import { ApiError } from '@/lib/api-error';
import { renderWithProviders } from '@/testing/render-with-providers';
import { applyApiError } from './apply-api-error';
import { CheckboxElement } from './checkbox-element';
import { FormContainer } from './form-container';
import { FormRootError } from './form-root-error';
import { SelectElement } from './select-element';
import { SwitchElement } from './switch-element';
import { TextFieldElement } from './text-field-element';

const schema = z.object({
  name: z.string().trim().min(1, 'Enter a name'),
  contact_email: z.email('Enter a valid email address').nullable(),
  session_timeout: z.number({ error: 'Enter a number of minutes' }).int().min(5, 'At least 5 minutes'),
  role: z.enum(['SUPER_ADMIN', 'TENANT_ADMIN'], { error: 'Choose a role' }),
  mfa_required: z.boolean(),
  accept: z.literal(true, { error: 'Confirm to continue' }),
});
type Input = z.input<typeof schema>;
type Output = z.output<typeof schema>;

function TestForm({
  onSubmit,
  defaults,
  serverError,
  errorOptions,
}: {
  onSubmit: (values: Output) => void;
  defaults?: Partial<Input>;
  serverError?: unknown;
  errorOptions?: Parameters<typeof applyApiError>[2];
}) {
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(schema),
    defaultValues: {
      name: '',
      contact_email: null,
      session_timeout: 480,
      role: undefined,
      mfa_required: false,
      accept: false as unknown as true,
      ...defaults,
    },
  });
  return (
    <FormContainer
      form={form}
      aria-label="Test form"
      onSubmit={(values) => {
        if (serverError) applyApiError(form, serverError, errorOptions);
        else onSubmit(values);
      }}
    >
      <TextFieldElement name="name" label="Name" required />
      <TextFieldElement name="contact_email" label="Contact email" type="email" emptyAsNull helperText="Optional" />
      <TextFieldElement name="session_timeout" label="Session timeout (minutes)" type="number" required />
      <SelectElement
        name="role"
        label="Role"
        required
        options={[
          { value: 'SUPER_ADMIN', label: 'Super Admin' },
          { value: 'TENANT_ADMIN', label: 'Tenant Admin' },
        ]}
      />
      <SwitchElement name="mfa_required" label="Require MFA" />
      <CheckboxElement name="accept" label="I understand" required />
      <FormRootError />
      <Button type="submit">Save</Button>
    </FormContainer>
  );
}

describe('form wrappers', () => {
  it('label every control and mark the required ones', () => {
    renderWithProviders(<TestForm onSubmit={vi.fn()} />);
    const form = screen.getByRole('form', { name: 'Test form' });
    expect(form).toHaveAttribute('novalidate');
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(name).toHaveAttribute('id', 'name');
    expect(name).toHaveAttribute('aria-required', 'true');
    expect(screen.getByRole('textbox', { name: 'Contact email' })).toHaveAttribute('aria-required', 'false');
    expect(screen.getByRole('spinbutton', { name: 'Session timeout (minutes)' })).toHaveValue(480);
    expect(screen.getByRole('combobox', { name: 'Role' })).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Require MFA' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'I understand' })).toHaveAttribute('aria-required', 'true');
    // null is shown as an empty field, and the hint is linked to its field
    expect(screen.getByRole('textbox', { name: 'Contact email' })).toHaveValue('');
    expect(screen.getByRole('textbox', { name: 'Contact email' })).toHaveAccessibleDescription('Optional');
  });

  it('show the zod messages under each field, mark them invalid, and focus the first', async () => {
    const onSubmit = vi.fn();
    const { user } = renderWithProviders(<TestForm onSubmit={onSubmit} />);
    await user.clear(screen.getByRole('spinbutton', { name: 'Session timeout (minutes)' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Session timeout (minutes)' }), '2');
    await user.type(screen.getByRole('textbox', { name: 'Contact email' }), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(await screen.findByText('Enter a name')).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('Enter a name');
    expect(name).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Contact email' })).toHaveAccessibleDescription('Enter a valid email address');
    expect(screen.getByRole('spinbutton', { name: 'Session timeout (minutes)' })).toHaveAccessibleDescription('At least 5 minutes');
    expect(screen.getByText('Choose a role')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'I understand' })).toHaveAccessibleDescription('Confirm to continue');
    expect(screen.getByRole('checkbox', { name: 'I understand' })).toHaveAttribute('aria-invalid', 'true');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('focus a checkbox that is the first invalid field, and pass no unknown prop to the DOM', async () => {
    const logged = vi.spyOn(console, 'error');
    const { user } = renderWithProviders(<TestForm onSubmit={vi.fn()} defaults={{ name: 'Acme', role: 'SUPER_ADMIN' }} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Confirm to continue')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'I understand' })).toHaveFocus();
    expect(logged.mock.calls.filter(([message]) => String(message).includes('does not recognize'))).toEqual([]);
    logged.mockRestore();
  });

  it('submit typed values: numbers as numbers, an emptied optional field as null', async () => {
    const onSubmit = vi.fn();
    const { user } = renderWithProviders(<TestForm onSubmit={onSubmit} defaults={{ contact_email: 'a@b.test' }} />);
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Acme');
    await user.clear(screen.getByRole('textbox', { name: 'Contact email' }));
    await user.click(screen.getByRole('combobox', { name: 'Role' }));
    await user.click(await screen.findByRole('option', { name: 'Tenant Admin' }));
    await user.click(screen.getByRole('switch', { name: 'Require MFA' }));
    await user.click(screen.getByRole('checkbox', { name: 'I understand' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({
        name: 'Acme',
        contact_email: null,
        session_timeout: 480,
        role: 'TENANT_ADMIN',
        mfa_required: true,
        accept: true,
      }),
    );
  });

  it('put a 422 on its field and the rest in a form-level alert, keeping what was typed', async () => {
    const serverError = ApiError.fromBody(422, {
      detail: [
        { loc: ['body', 'name'], msg: 'A tenant with this name already exists', type: 'value_error' },
        { loc: ['body'], msg: 'MFA needs at least one method', type: 'value_error' },
      ],
    });
    const { user } = renderWithProviders(
      <TestForm onSubmit={vi.fn()} serverError={serverError} defaults={{ role: 'SUPER_ADMIN', accept: true }} />,
    );
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Acme');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const name = screen.getByRole('textbox', { name: 'Name' });
    await waitFor(() => expect(name).toHaveAccessibleDescription('A tenant with this name already exists'));
    expect(name).toHaveValue('Acme');
    expect(screen.getByRole('alert')).toHaveTextContent('MFA needs at least one method');
  });

  it('put a 409 on the field it names, and a value error without its pydantic prefix', async () => {
    const conflict = ApiError.fromBody(409, { detail: "A tenant with name 'Acme' already exists" });
    const first = renderWithProviders(
      <TestForm
        onSubmit={vi.fn()}
        serverError={conflict}
        errorOptions={{ conflictField: 'name', conflictHint: 'Choose another name.' }}
        defaults={{ role: 'SUPER_ADMIN', accept: true, name: 'Acme' }}
      />,
    );
    await first.user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(
        "A tenant with name 'Acme' already exists. Choose another name.",
      ),
    );
    first.unmount();

    const valueError = ApiError.fromBody(422, { detail: [{ loc: ['body', 'name'], msg: 'Value error, name is reserved', type: 'value_error' }] });
    const { user } = renderWithProviders(
      <TestForm onSubmit={vi.fn()} serverError={valueError} defaults={{ role: 'SUPER_ADMIN', accept: true, name: 'root' }} />,
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription('Name is reserved'));
  });
});
