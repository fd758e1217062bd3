// CSS colour strings (#rgb, #rrggbb, #rrggbbaa, rgb(), rgba()) to channels and back, for GEXF's
// viz:color, which Gephi and networkx read as r/g/b(/a).

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** Alpha in [0, 1]; absent when opaque. */
  a?: number;
}

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const FUNCTIONAL = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*(\d*\.?\d+)\s*)?\)$/i;

export function parseColor(text: string): Rgba | undefined {
  const trimmed = text.trim();
  const hex = HEX.exec(trimmed);
  if (hex) {
    let digits = hex[1]!;
    if (digits.length === 3) digits = [...digits].map((digit) => digit + digit).join('');
    const channel = (at: number): number => parseInt(digits.slice(at, at + 2), 16);
    const color: Rgba = { r: channel(0), g: channel(2), b: channel(4) };
    if (digits.length === 8 && channel(6) !== 255) color.a = Math.round((channel(6) / 255) * 1000) / 1000;
    return color;
  }
  const functional = FUNCTIONAL.exec(trimmed);
  if (functional) {
    const [r, g, b] = [Number(functional[1]), Number(functional[2]), Number(functional[3])];
    if (r > 255 || g > 255 || b > 255) return undefined;
    const color: Rgba = { r, g, b };
    if (functional[4] !== undefined) {
      const a = Number(functional[4]);
      if (!(a >= 0 && a <= 1)) return undefined;
      if (a < 1) color.a = a;
    }
    return color;
  }
  return undefined;
}

/** `#rrggbb` when opaque, `rgba(r,g,b,a)` otherwise. */
export function formatColor(color: Rgba): string {
  if (color.a !== undefined && color.a < 1) return `rgba(${color.r},${color.g},${color.b},${color.a})`;
  return `#${[color.r, color.g, color.b].map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}
