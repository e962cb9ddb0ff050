// Promotions to mark on charts: failover, false failover, failback.
import { describe, expect, it } from "vitest";
import { PromotionMarksObserver } from "../../sim/metrics/promotion-marks.ts";
import { us } from "./trace-fixtures.ts";

describe("PromotionMarksObserver", () => {
  it("names each promotion by what it was", () => {
    const observer = new PromotionMarksObserver();
    const promoted = (
      tS: number,
      node: string,
      previous: string,
      previousAlive: boolean,
      failback: boolean,
    ) =>
      observer.observe({
        kind: "promoted",
        tUs: us(tS),
        node,
        epoch: 2,
        previous,
        previousAlive,
        failback,
        planned: false,
      });
    promoted(5, "db2", "db1", false, false);
    promoted(9, "db3", "db2", true, false);
    promoted(12, "db1", "db3", true, true);
    expect(observer.promotions()).toEqual({
      marks: [
        { tUs: us(5), node: "db2", previous: "db1", kind: "failover" },
        { tUs: us(9), node: "db3", previous: "db2", kind: "false failover" },
        { tUs: us(12), node: "db1", previous: "db3", kind: "failback" },
      ],
      omitted: 0,
    });
  });
});
