// splitCommand splits like a POSIX shell (quotes, backslashes, no expansion);
// joinCommand quotes so that splitting the result gives the same argv back.
import { describe, expect, it } from "vitest";
import { joinCommand, splitCommand } from "../../src/model/command.js";

describe("splitCommand", () => {
  it.each([
    ["gunicorn --bind 0.0.0.0:8000 app:app", ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]],
    ['gunicorn "app:create_app()"', ["gunicorn", "app:create_app()"]],
    ["node   dist/main.js\t--flag ", ["node", "dist/main.js", "--flag"]],
    ["echo 'a b' \"c d\"", ["echo", "a b", "c d"]],
    ["echo 'it'\\''s'", ["echo", "it's"]],
    ['echo "say \\"hi\\" \\\\ \\$HOME"', ["echo", 'say "hi" \\ $HOME']],
    // Inside double quotes a backslash before an ordinary character stays.
    ['echo "a\\nb"', ["echo", "a\\nb"]],
    // Inside single quotes nothing is special.
    ["echo '$HOME \\n'", ["echo", "$HOME \\n"]],
    ["echo a\\ b", ["echo", "a b"]],
    ["echo $HOME *", ["echo", "$HOME", "*"]],
    ["echo ''", ["echo", ""]],
    ["", []],
    ["   ", []],
  ])("%j -> %j", (text, argv) => {
    expect(splitCommand(text)).toEqual(argv);
  });

  it.each(["echo 'open", 'echo "open', "echo \"it's"])("refuses an unterminated quote in %j", (text) => {
    expect(() => splitCommand(text)).toThrow(/unterminated/);
  });
});

describe("joinCommand", () => {
  it("leaves plain words bare and quotes the rest", () => {
    expect(joinCommand(["gunicorn", "--bind", "0.0.0.0:8000", "app:app"])).toBe("gunicorn --bind 0.0.0.0:8000 app:app");
    expect(joinCommand(["go", "build", "-ldflags=-s -w"])).toBe("go build '-ldflags=-s -w'");
    expect(joinCommand(["echo", "it's"])).toBe("echo 'it'\\''s'");
    expect(joinCommand(["echo", "$HOME", "a;b", ""])).toBe("echo '$HOME' 'a;b' ''");
  });

  it.each([
    [["gunicorn", "app:create_app()"]],
    [["sh", "-c", "echo \"$HOME\" && exit 1"]],
    [["echo", "it's", "a b", "", "back\\slash", "tab\there"]],
    [["node", "dist/main.js", "--title=x y"]],
  ])("round-trips %j through splitCommand", (argv) => {
    expect(splitCommand(joinCommand(argv))).toEqual(argv);
  });
});
