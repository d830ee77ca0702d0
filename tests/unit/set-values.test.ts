// --set key=value: YAML-typed values, dotted security keys, and usage errors (exit 2)
// that name the --set and say how to fix it.
import { describe, expect, it } from "vitest";
import { EXIT, UsageError } from "../../src/errors.js";
import { parseSetValues } from "../../src/model/set-values.js";

function usageError(pairs: string[]): UsageError {
  try {
    parseSetValues(pairs);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).exitCode).toBe(EXIT.usage);
    return err as UsageError;
  }
  throw new Error(`parseSetValues(${JSON.stringify(pairs)}) did not throw`);
}

describe("parseSetValues typing", () => {
  it("types values as YAML", () => {
    expect(parseSetValues(["port=8000"])).toEqual({ port: 8000 });
    expect(parseSetValues(["healthPath=null"])).toEqual({ healthPath: null });
    expect(parseSetValues(["healthPath=/status"])).toEqual({ healthPath: "/status" });
    expect(parseSetValues(["startCommand=[node, dist/main.js]"])).toEqual({ startCommand: ["node", "dist/main.js"] });
    expect(parseSetValues(["services=[]"])).toEqual({ services: [] });
    expect(parseSetValues(["port=\"8000\""])).toEqual({ port: "8000" });
    expect(parseSetValues(["uid=10001", "gid=10002"])).toEqual({ uid: 10001, gid: 10002 });
  });

  it("keeps everything after the first = as the value", () => {
    expect(parseSetValues(["startCommand=node --x=1"])).toEqual({ startCommand: "node --x=1" });
  });

  it("an empty value is an empty string, not null", () => {
    expect(parseSetValues(["name="])).toEqual({ name: "" });
  });

  it("reaches into security with dotted keys, merging them", () => {
    expect(parseSetValues(["security.readOnly=false"])).toEqual({ security: { readOnly: false } });
    expect(parseSetValues(["security.readOnly=false", "security.pids=64", "security.memory=1g"])).toEqual({
      security: { readOnly: false, pids: 64, memory: "1g" },
    });
  });

  it("a later --set of the same key wins", () => {
    expect(parseSetValues(["port=8000", "port=9000"])).toEqual({ port: 9000 });
  });

  it("keeps runtimeVersion as written: 3.10 is not 3.1", () => {
    expect(parseSetValues(["runtimeVersion=3.10"])).toEqual({ runtimeVersion: "3.10" });
    expect(parseSetValues(["runtimeVersion=1.20"])).toEqual({ runtimeVersion: "1.20" });
    expect(parseSetValues(["runtimeVersion=22"])).toEqual({ runtimeVersion: "22" });
    expect(parseSetValues(['runtimeVersion="3.12"'])).toEqual({ runtimeVersion: "3.12" });
  });
});

describe("malformed --set", () => {
  it.each(["port", "=8000", ""])("%j without key=value is refused with an example", (pair) => {
    const err = usageError([pair]);
    expect(err.message).toContain("is not key=value");
    expect(err.message).toContain("fix: write --set port=8000");
  });

  it.each(["foo=1", "security.foo=1", "port.x=1", "security.readOnly.x=true", "Port=8000"])("unknown key %j is refused, listing the keys", (pair) => {
    const err = usageError([pair]);
    expect(err.message).toContain(`--set ${pair.split("=")[0]}: unknown answer key`);
    expect(err.message).toMatch(/fix: .*security\.</);
  });

  it("bad YAML is refused with a quoted example", () => {
    const err = usageError(["port=["]);
    expect(err.message).toContain("--set port: the value \"[\" is not valid YAML");
    expect(err.message).toContain(`fix: quote it, e.g. --set 'port="["'`);
  });

  it("the bad pair is reported even after good ones", () => {
    expect(usageError(["port=8000", "nope=1"]).message).toContain("--set nope");
  });
});
