import { ApiError, cleanServerMessage, isClientError, unwrap } from './api-error';

describe('ApiError', () => {
  it('keeps a string detail as the message', () => {
    const error = ApiError.fromBody(403, { detail: 'Only Super Admins can list tenants' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ApiError');
    expect(error.status).toBe(403);
    expect(error.detail).toBe('Only Super Admins can list tenants');
    expect(error.message).toBe('Only Super Admins can list tenants');
    expect(error.fieldErrors()).toEqual([]);
  });

  it('turns a FastAPI 422 into field errors', () => {
    const error = ApiError.fromBody(422, {
      detail: [
        { loc: ['body', 'partner_id'], msg: 'Unknown partner', type: 'value_error' },
        { loc: ['body', 'settings', 'password_policy', 'min_length'], msg: 'Must be at least 8', type: 'greater_than_equal' },
        { loc: ['query', 'per_page'], msg: 'Input should be less than or equal to 100', type: 'less_than_equal' },
        { loc: ['body'], msg: 'expires_at must be in the future', type: 'value_error' },
        { loc: ['body', 'mfa_methods', 0], msg: 'Unknown method', type: 'enum' },
      ],
    });
    expect(error.status).toBe(422);
    expect(error.fieldErrors()).toEqual([
      { path: 'partner_id', message: 'Unknown partner' },
      { path: 'settings.password_policy.min_length', message: 'Must be at least 8' },
      { path: 'per_page', message: 'Input should be less than or equal to 100' },
      { path: '', message: 'expires_at must be in the future' },
      { path: 'mfa_methods.0', message: 'Unknown method' },
    ]);
    expect(error.message).toContain('Unknown partner');
  });

  it('cleans pydantic value errors for people, and maps locs under an edited body key', () => {
    const error = ApiError.fromBody(422, {
      detail: [
        { loc: ['body', 'settings', 'mfa_methods'], msg: 'Value error, at least one MFA method is required', type: 'value_error' },
        { loc: ['body', 'settings', 'session_timeout'], msg: 'Input should be greater than or equal to 5', type: 'greater_than_equal' },
        { loc: ['body', 'name'], msg: 'Field required', type: 'missing' },
      ],
    });
    expect(error.fieldErrors('settings')).toEqual([
      { path: 'mfa_methods', message: 'At least one MFA method is required' },
      { path: 'session_timeout', message: 'Input should be greater than or equal to 5' },
      { path: 'name', message: 'Field required' },
    ]);
    expect(cleanServerMessage('value error, expires_at must be in the future')).toBe('Expires_at must be in the future');
    expect(cleanServerMessage('expires_at must be in the future')).toBe('expires_at must be in the future');
  });

  it('describes an error without a body by its status', () => {
    const error = ApiError.fromBody(502, '');
    expect(error.message).toBe('The ScaiKey API answered with HTTP 502.');
    expect(error.isServerError).toBe(true);
  });

  it('keeps a non-FastAPI body as the detail', () => {
    expect(ApiError.fromBody(500, { error: 'boom' }).detail).toEqual({ error: 'boom' });
  });

  it('makes network failures status 0 with a clear message', () => {
    const cause = new TypeError('Failed to fetch');
    const error = ApiError.network(cause);
    expect(error.status).toBe(0);
    expect(error.message).toBe('Could not reach the ScaiKey API. Check your connection and try again.');
    expect(error.cause).toBe(cause);
    expect(error.isServerError).toBe(true);
    expect(isClientError(error)).toBe(false);
  });

  it('classifies 4xx as client errors', () => {
    expect(isClientError(new ApiError(404))).toBe(true);
    expect(isClientError(new ApiError(500))).toBe(false);
    expect(isClientError(new Error('x'))).toBe(false);
  });
});

describe('unwrap', () => {
  it('returns the data of a success and throws ApiError otherwise', () => {
    expect(unwrap({ data: { id: 1 }, response: new Response(null, { status: 200 }) })).toEqual({ id: 1 });
    expect(() => unwrap({ error: { detail: 'Tenant not found' }, response: new Response(null, { status: 404 }) })).toThrow(
      expect.objectContaining({ status: 404, message: 'Tenant not found' }),
    );
  });
});
