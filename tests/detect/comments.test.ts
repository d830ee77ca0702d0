import { describe, expect, it } from "vitest";
import { blankComments } from "../../src/detect/comments.js";

describe("blankComments", () => {
  it("blanks JS comments, keeps strings and line numbers", () => {
    const text = 'const u = "http://x"; // app.listen(3000)\n/* process.env.A\n */ app.listen(8080)';
    const out = blankComments(text, "js");
    expect(out).toContain('"http://x"');
    expect(out).not.toContain("3000");
    expect(out).not.toContain("process.env.A");
    expect(out).toContain("app.listen(8080)");
    expect(out.length).toBe(text.length);
    expect(out.split("\n").length).toBe(text.split("\n").length);
  });
  it("blanks Python comments, not '#' inside strings", () => {
    const out = blankComments('color = "#fff"  # PORT = 8000\nx = 1', "python");
    expect(out).toContain('"#fff"');
    expect(out).not.toContain("8000");
  });
  it("blanks Go comments, keeps raw strings", () => {
    const out = blankComments('s := `// not a comment`\n// http.ListenAndServe(":9000", nil)\n', "go");
    expect(out).toContain("`// not a comment`");
    expect(out).not.toContain(":9000");
  });
});
