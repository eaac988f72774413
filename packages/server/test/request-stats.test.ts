import { SessionEngine } from "@tether/system";
import { describe, expect, it } from "vitest";
import { metricsSnapshot, newServerCounters } from "../src/counters.js";
import { ServerMetrics } from "../src/metrics.js";
import { RequestStats, resultLabel } from "../src/request-stats.js";

describe("RequestStats (request metrics kept until scraped)", () => {
  it("turns observations into cumulative Prometheus buckets, a sum and a count per msg_id", () => {
    const stats = new RequestStats();
    for (const seconds of [0.0005, 0.003, 0.003, 0.2, 42]) stats.observe("1000", "ok", seconds);
    const values = stats.histogramValues("h");
    const bucket = (le: number | string) =>
      values.find((v) => v.metricName === "h_bucket" && v.labels.le === le && v.labels.msg_id === "1000")?.value;
    expect([bucket(0.001), bucket(0.005), bucket(0.1), bucket(0.25), bucket(10), bucket("+Inf")]).toEqual([
      1, 3, 3, 4, 4, 5,
    ]);
    expect(values.find((v) => v.metricName === "h_count")?.value).toBe(5);
    expect(values.find((v) => v.metricName === "h_sum")?.value).toBeCloseTo(42.2065, 6);
  });

  it("counts by msg_id and result label", () => {
    const stats = new RequestStats();
    stats.observe("1000", resultLabel(0), 0.001);
    stats.observe("1000", resultLabel(0), 0.001);
    stats.observe("other", resultLabel(1004), 0);
    stats.observe("1000", resultLabel(10_001), 0.001);
    expect([...stats.counts()]).toEqual([
      [{ msg_id: "1000", result: "ok" }, 2],
      [{ msg_id: "1000", result: "game" }, 1],
      [{ msg_id: "other", result: resultLabel(1004) }, 1],
    ]);
  });

  it("renders through prom-client like its own histogram, and clears on registry.resetMetrics()", async () => {
    const idle = metricsSnapshot({
      counters: newServerCounters(),
      engine: new SessionEngine(),
      topicRefusals: { nameTooLong: 0, perSession: 0, total: 0 },
      connectionsOpen: 0,
    });
    const metrics = new ServerMetrics({ read: () => idle, knownMsgId: (id) => id === 1000 });
    metrics.observeRequest(1000, 0, 3);
    metrics.observeRequest(4242, 0, 3);
    const text = await metrics.text();
    for (const line of [
      'tether_requests_total{msg_id="1000",result="ok"} 1',
      'tether_requests_total{msg_id="other",result="ok"} 1',
      'tether_request_duration_seconds_bucket{le="0.001",msg_id="1000"} 0',
      'tether_request_duration_seconds_bucket{le="0.005",msg_id="1000"} 1',
      'tether_request_duration_seconds_sum{msg_id="1000"} 0.003',
      'tether_request_duration_seconds_count{msg_id="1000"} 1',
    ]) {
      expect(text).toContain(line);
    }
    metrics.registry.resetMetrics();
    expect(await metrics.text()).not.toContain('msg_id="1000"');
  });
});
