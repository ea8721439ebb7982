import { describe, expect, it } from "vitest";
import { InvalidCallbackError, parseCallback } from "../../src/index.js";

const completed = {
  job_id: "507f1f77bcf86cd799439011",
  status: "completed",
  result: { columns: [{ name: "regiao", type: "varchar" }], rows: [{ regiao: "Sul" }], row_count: 1, truncated: false },
  error: null,
  created_at: "2026-04-11T10:30:00Z",
  completed_at: "2026-04-11T10:30:45Z",
};

describe("parseCallback", () => {
  it("accepts a completed job as an object or as JSON text", () => {
    expect(parseCallback(completed)).toEqual(completed);
    expect(parseCallback(JSON.stringify(completed)).result?.row_count).toBe(1);
  });

  it("accepts a failed job with its error", () => {
    const failed = { ...completed, status: "failed", result: null, error: "timeout" };
    expect(parseCallback(failed).error).toBe("timeout");
  });

  it.each([
    ["not json", /the body is not JSON/],
    [[], /expected a JSON object/],
    [{ ...completed, status: "done" }, /status must be one of processing, completed, failed; got "done"/],
    [{ ...completed, job_id: 7 }, /job_id must be a non-empty string/],
    [{ ...completed, result: null }, /a completed job needs a result object/],
    [{ ...completed, result: { ...completed.result, rows: "x" } }, /result.rows must be an array/],
    [{ ...completed, status: "failed", error: null }, /a failed job needs an error string/],
  ])("rejects %j, saying what is wrong", (body, message) => {
    expect(() => parseCallback(body)).toThrow(InvalidCallbackError);
    expect(() => parseCallback(body)).toThrow(message);
  });
});
