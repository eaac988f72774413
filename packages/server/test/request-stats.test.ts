import { describe, expect, it } from "vitest";
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
});
