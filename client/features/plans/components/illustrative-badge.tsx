/** Marks demo data that fills a gap in what was published (see the plan's source note). */
export function IllustrativeBadge() {
  return (
    <span className="badge badge--illustrative" title="Demo data, not published: see the source note">
      Illustrative
    </span>
  );
}
