// A flag's badge, decided once from the vocabulary's severity: a warning (the source contradicts itself, or is
// garbled there) is set apart; how a figure was read (an inferred region or year, a restatement) is a grey note.
// No strings imported, so the explorer's script takes its badges from here too, with its own labels.
import { isWarning } from '../vocab/flags.ts';

export type Badge = { class: 'badge' | 'badge warn'; label: string };

/** The badge of `flag`, labelled from `labels` (the page's `t(locale).flags`), its id where a label is missing. */
export function flagBadge(flag: string, labels: Readonly<Record<string, string | undefined>>): Badge {
  return { class: isWarning(flag) ? 'badge warn' : 'badge', label: labels[flag] ?? flag };
}
