/** The outcome of a form: an error (role alert) or a confirmation (role status). */
export function FormMessage({ error, done }: { error: string | null; done?: string | null }) {
  if (error)
    return (
      <p role="alert" className="error-text">
        {error}
      </p>
    );
  if (done)
    return (
      <p role="status" className="muted small">
        {done}
      </p>
    );
  return null;
}
