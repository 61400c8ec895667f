import type { Metric, Registry } from 'prom-client';

/**
 * `wechat_component_verify_ticket_age_seconds`: now minus the kept ticket's CreateTime, read from the ticket
 * store at each scrape (with a shared store, the ticket may have reached another replica). Written as a
 * small collector rather than prom-client's Gauge, which always exposes a value (0): with no ticket kept,
 * or no ticket store at all (a static token), there is no sample, not a reassuring 0.
 */
export class TicketAgeGauge {
  readonly name = 'wechat_component_verify_ticket_age_seconds';
  readonly help =
    "Seconds since the kept component_verify_ticket's CreateTime (WeChat pushes every 10 minutes; above an hour, pushes stopped arriving). No sample while no ticket is kept.";
  readonly type = 'gauge' as const;
  readonly aggregator = 'max' as const;
  #source: { createTime: () => Promise<number | undefined>; now: () => number } | undefined;

  constructor(registers: readonly Registry[]) {
    for (const registry of registers) registry.registerMetric(this as unknown as Metric);
  }

  /** Where the kept ticket's CreateTime (Unix seconds) comes from, and the clock (epoch ms). */
  watch(createTime: () => Promise<number | undefined>, now: () => number): void {
    this.#source = { createTime, now };
  }

  reset(): void {}

  async get() {
    const createTime = await this.#source?.createTime().catch(() => undefined);
    const values =
      createTime === undefined || this.#source === undefined
        ? []
        : [{ labels: {}, value: Math.max(0, Math.round(this.#source.now() / 1000 - createTime)) }];
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }
}
