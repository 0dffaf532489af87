import { useState } from 'react';

/** A year from 1990 to 2100, or nothing. */
export function parseYear(s: string | null | undefined): number | undefined {
  const n = Number(s);
  return s && Number.isInteger(n) && n >= 1990 && n <= 2100 ? n : undefined;
}

/**
 * A year filter whose value lives in the address. What is typed stays as typed ("2", "20", "201"
 * on the way to "2019"); the address, and so the download links, take the year once it is one, and
 * lose it while the field holds something else.
 */
export function YearField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: number | undefined;
  onChange: (year: number | undefined) => void;
}) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  // The address changed from elsewhere (back, a shared link): show its year.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (parseYear(text) !== value) setText(value === undefined ? '' : String(value));
  }
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1990}
        max={2100}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const year = parseYear(e.target.value);
          if (year !== value) onChange(year);
        }}
      />
    </div>
  );
}
