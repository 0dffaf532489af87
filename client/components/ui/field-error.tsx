/** The attributes that tie an input to its problem: marked invalid, described by the message. */
export function invalidProps(id: string, error: string | null | undefined) {
  return error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};
}

/** The problem with one field, under it (the id that invalidProps points the input to). */
export function FieldError({ id, error }: { id: string; error: string | null | undefined }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="field-error">
      {error}
    </p>
  );
}

/** The problem with a whole form (one no field explains), announced at once; nothing without one. */
export function FormError({ error }: { error: string | null | undefined }) {
  if (!error) return null;
  return (
    <p className="error-state" role="alert">
      {error}
    </p>
  );
}
