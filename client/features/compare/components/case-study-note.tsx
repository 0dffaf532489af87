/** One line saying which case-study country is pinned and how to change it. */
export function CaseStudyNote({ name }: { name: string | null }) {
  if (!name) return null;
  return (
    <p className="muted small">
      Case study pinned: <strong>{name}</strong> (change it with <code>?case=ISO3</code> in the address, or{' '}
      <code>?case=none</code>).
    </p>
  );
}
