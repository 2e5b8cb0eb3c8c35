// How to write a search; shown on the empty search page and when nothing matches.
export function SearchHelp() {
  const rows: [string, string][] = [
    ["wiper albania", "both words, anywhere (word forms count: attack finds attacks)"],
    ['"same aggressors"', "the exact phrase"],
    ["wiper OR ransomware", "either word"],
    ["wiper -ransomware", "wiper, but not where ransomware is mentioned"],
    ["Homeland Justice", "names also match loosely: spelling, case and aliases"],
  ];
  return (
    <div className="mt-2 text-sm text-slate-700" data-testid="search-help">
      <p className="font-medium text-slate-900">How to search</p>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        {rows.map(([example, meaning]) => (
          <div key={example} className="contents">
            <dt>
              <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-900">{example}</code>
            </dt>
            <dd className="text-slate-700">{meaning}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-slate-600">
        Press <kbd className="rounded border border-slate-300 px-1 font-mono text-xs">Ctrl</kbd>+
        <kbd className="rounded border border-slate-300 px-1 font-mono text-xs">K</kbd> anywhere to jump to a case, document, claim or
        entity by name.
      </p>
    </div>
  );
}
