/** A problem shown next to its input; the input names it with aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="error-text small field-error">
      {message}
    </p>
  );
}

/** The attributes an input takes when it has a problem. */
export function invalidProps(message: string | undefined, errorId: string) {
  return message ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {};
}
