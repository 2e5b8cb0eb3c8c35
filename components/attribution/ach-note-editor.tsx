"use client";
// Enter on a cell: the rating with a note saying why (the note is what a reviewer reads when raters
// disagree). A native modal <dialog> gives focus trapping and Escape for free.
import { useEffect, useId, useRef, useState } from "react";
import { ACH_RATINGS, type AchRating } from "@/lib/standards/scales";
import { Button } from "@/components/ui/form";

const NOTE_MAX = 2000;

export function AchNoteEditor({
  title,
  initialRating,
  initialNote,
  onSave,
  onClear,
  onClose,
}: {
  title: string;
  initialRating: AchRating | null;
  initialNote: string;
  onSave: (v: { rating: AchRating; note: string }) => void;
  /** Present when the caller has a rating here: removes it (and its note) back to "not rated". */
  onClear?: () => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [rating, setRating] = useState<AchRating | null>(initialRating);
  const [note, setNote] = useState(initialNote);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!rating) return setError("Pick a rating: a note goes with a rating.");
    if (note.length > NOTE_MAX) return setError(`A note may be at most ${NOTE_MAX.toLocaleString("en")} characters.`);
    onSave({ rating, note });
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onCancel={onClose}
      className="m-auto w-full max-w-lg rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <form onSubmit={submit} className="space-y-4 p-5">
        <h3 id={`${id}-title`} className="text-base font-semibold text-slate-900">
          {title}
        </h3>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Rating</legend>
          <div className="mt-2 grid grid-cols-3 gap-2">
            {ACH_RATINGS.map((r) => (
              <label
                key={r.code}
                className={`flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm ring-1 ${rating === r.code ? "bg-indigo-50 ring-indigo-500" : "ring-slate-300"}`}
              >
                <input
                  type="radio"
                  name={`${id}-rating`}
                  value={r.code}
                  checked={rating === r.code}
                  onChange={() => {
                    setRating(r.code);
                    setError(null);
                  }}
                />
                <span className="font-mono font-bold">{r.code}</span>
                <span className="text-slate-700">{r.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="space-y-1">
          <label htmlFor={`${id}-note`} className="block text-sm font-medium text-slate-800">
            Note (why this rating)
          </label>
          <textarea
            id={`${id}-note`}
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              setError(null);
            }}
            rows={4}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-indigo-500 focus:ring-1 focus:ring-indigo-500 focus:outline-none"
          />
          {error && (
            <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
              {error}
            </p>
          )}
        </div>
        <div className="flex justify-end gap-2">
          {onClear && (
            <Button type="button" variant="secondary" className="mr-auto" onClick={onClear}>
              Clear my rating
            </Button>
          )}
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit">Save rating</Button>
        </div>
      </form>
    </dialog>
  );
}
