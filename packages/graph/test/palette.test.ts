// The entity-type palette read by colour-blind readers: each pair of type colours stays apart in CIE Lab for
// normal vision and under simulated deuteranopia, protanopia and tritanopia, and each disc shows on white.
import { ENTITY_TYPES } from '@missiongraph/extract';
import { describe, expect, it } from 'vitest';
import { TYPE_COLORS, UNKNOWN_TYPE_COLOR } from '../src/palette.ts';

type Vector = [number, number, number];
type Matrix = [Vector, Vector, Vector];

/** Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB. */
const SIMULATIONS: Record<string, Matrix | null> = {
  normal: null,
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

/**
 * The least CIE76 distance (Euclidean in Lab) any two colours may have in any simulation. One unit is about a
 * just-noticeable difference between large patches; node discs are small (a few pixels to 20), and small marks
 * need several times the difference of large ones to be told apart at a glance (Stone, Szafir & Setlur 2014), so
 * 20 units is asked, ten times the large-patch threshold. The old palette had place and country 1.8 apart for protanopes.
 */
const MIN_DISTANCE = 20;

function linear(hex: string): Vector {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return [channel(1), channel(3), channel(5)];
}

function times(matrix: Matrix, vector: Vector): Vector {
  const row = (index: 0 | 1 | 2) => Math.min(1, Math.max(0, matrix[index][0] * vector[0] + matrix[index][1] * vector[1] + matrix[index][2] * vector[2]));
  return [row(0), row(1), row(2)];
}

/** CIE L*a*b* (D65) of a linear sRGB colour. */
function lab([red, green, blue]: Vector): Vector {
  const x = (0.4124564 * red + 0.3575761 * green + 0.1804375 * blue) / 0.95047;
  const y = 0.2126729 * red + 0.7151522 * green + 0.072175 * blue;
  const z = (0.0193339 * red + 0.119192 * green + 0.9503041 * blue) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function seen(hex: string, simulation: Matrix | null): Vector {
  const rgb = linear(hex);
  return lab(simulation ? times(simulation, rgb) : rgb);
}

const distance = (a: Vector, b: Vector) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

describe('the entity-type palette', () => {
  const colors: [string, string][] = [...Object.entries(TYPE_COLORS), ['unknown', UNKNOWN_TYPE_COLOR]];

  it('has a colour for every entity type the extractor gives', () => {
    expect(Object.keys(TYPE_COLORS).sort()).toEqual([...ENTITY_TYPES].sort());
  });

  it.each(Object.keys(SIMULATIONS))('keeps every two types apart for %s', (name) => {
    const simulation = SIMULATIONS[name] ?? null;
    const close: string[] = [];
    let least = Infinity;
    for (const [index, [typeA, colorA]] of colors.entries()) {
      for (const [typeB, colorB] of colors.slice(index + 1)) {
        const apart = distance(seen(colorA, simulation), seen(colorB, simulation));
        least = Math.min(least, apart);
        if (apart < MIN_DISTANCE) close.push(`${typeA} ${colorA} / ${typeB} ${colorB}: ${apart.toFixed(1)}`);
      }
    }
    expect(close, `pairs closer than ${MIN_DISTANCE} Lab units`).toEqual([]);
    expect(least).toBeGreaterThanOrEqual(MIN_DISTANCE);
  });

  it('tells place from country for every reader (the pair the old palette made both amber)', () => {
    for (const simulation of Object.values(SIMULATIONS)) {
      expect(distance(seen(TYPE_COLORS.place!, simulation), seen(TYPE_COLORS.country!, simulation))).toBeGreaterThan(MIN_DISTANCE);
    }
  });

  it('draws every disc visibly on the white map (lightness L* 30 to 80)', () => {
    for (const [type, color] of colors) {
      const lightness = seen(color, null)[0];
      expect(lightness, type).toBeGreaterThanOrEqual(30);
      expect(lightness, type).toBeLessThanOrEqual(80);
    }
  });

  it('measures the simulation right: the old amber pair falls below the bar for protanopes', () => {
    expect(distance(seen('#e69f00', SIMULATIONS.protanopia!), seen('#c9a227', SIMULATIONS.protanopia!))).toBeLessThan(3);
    expect(distance(seen('#000000', null), seen('#ffffff', null))).toBeCloseTo(100, 1);
  });
});
