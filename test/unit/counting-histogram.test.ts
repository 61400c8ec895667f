import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { CountingHistogram } from '../../src/observability/counting-histogram.js';

const buckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05];
// Below, on, between and above the bounds, and past the last one.
const observations = [0.0000001, 0.00005, 0.0001, 0.0003, 0.0005, 0.002, 0.01, 0.04, 0.2, 3];

function both() {
  const theirs = new Registry();
  const ours = new Registry();
  const reference = new Histogram({ name: 'h_seconds', help: 'a histogram', buckets, registers: [theirs] });
  const counting = new CountingHistogram({ name: 'h_seconds', help: 'a histogram', buckets, registers: [ours] });
  return { theirs, ours, reference, counting };
}

describe('CountingHistogram exposes exactly what prom-client’s Histogram would', () => {
  it('in the text format and as JSON, after the same observations', async () => {
    const { theirs, ours, reference, counting } = both();
    for (const value of observations) {
      reference.observe(value);
      counting.observe(value);
    }
    const text = await ours.metrics();
    expect(text).toBe(await theirs.metrics());
    expect(text).toMatch(/^h_seconds_count 10$/m);
    expect(text).toMatch(/^h_seconds_bucket\{le="0.0001"\} 3$/m);
    expect(await ours.getMetricsAsJSON()).toEqual(await theirs.getMetricsAsJSON());
  });

  it('with no observation yet', async () => {
    const { theirs, ours } = both();
    expect(await ours.metrics()).toBe(await theirs.metrics());
  });

  it('counts from zero after a reset', async () => {
    const { ours, counting } = both();
    counting.observe(0.001);
    ours.resetMetrics();
    counting.observe(0.02);
    const text = await ours.metrics();
    expect(text).toMatch(/^h_seconds_count 1$/m);
    expect(text).toMatch(/^h_seconds_sum 0.02$/m);
    expect(text).toMatch(/^h_seconds_bucket\{le="0.001"\} 0$/m);
  });
});
