// The slider's months and the map's colours. Pure.

/** Every month from `first` to `last` (YYYY-MM), both included. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) {
      m = 1;
      y++;
    }
    if (out.length > 1200) break; // a century of months is a bad date, not a timeline
  }
  return out;
}

/** The months a set of first-report dates spans; empty when none is dated. */
export function monthAxis(dates: ReadonlyArray<string | null>): string[] {
  const months = dates.filter((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}/.test(d)).map((d) => d.slice(0, 7));
  if (months.length === 0) return [];
  months.sort();
  return monthsBetween(months[0]!, months.at(-1)!);
}

// viridis at eight stops: perceptually even, readable in grey and with colour-vision deficiencies.
const VIRIDIS = ['#440154', '#46327e', '#365c8d', '#277f8e', '#1fa187', '#4ac16d', '#a0da39', '#fde725'];

function mix(a: string, b: string, t: number): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  return `#${[0, 1, 2]
    .map((i) => Math.round(channel(a, i) + (channel(b, i) - channel(a, i)) * t))
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')}`;
}

/** The date colour at `t` in [0, 1]: early dark blue, late yellow. */
export function dateColor(t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  return mix(VIRIDIS[i]!, VIRIDIS[i + 1]!, x - i);
}

/** Colours told apart from each other and from the date ramp, for programs overlaid (Paul Tol's muted set). */
export const PROGRAM_COLORS = ['#CC6677', '#332288', '#DDCC77', '#117733', '#88CCEE', '#882255', '#44AA99', '#999933', '#AA4499'];

export function programColor(index: number): string {
  return PROGRAM_COLORS[index % PROGRAM_COLORS.length]!;
}

/** Colour of undated entities: they are never given a date. */
export const UNDATED_COLOR = '#ffffff';
