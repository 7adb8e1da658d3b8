import { describe, expect, it } from "vitest";
import { accountFormFrom, accountInputFrom, emptyAccountForm } from "./accountForm";

describe("account form", () => {
  it("never fills the secret from a saved account, and an empty secret keeps it", () => {
    const form = accountFormFrom({
      id: "a1",
      name: "Main",
      environment: { kind: "custom", url: "https://oms.example.com" },
      credentialsKind: { kind: "keyAndSecret", apiKey: "AK-1" },
    });
    expect(form.secret, "the secret is never shown again").toBe("");
    expect(accountInputFrom(form)).toEqual({
      name: "Main",
      environment: { kind: "custom", url: "https://oms.example.com" },
      credentialsKind: { kind: "keyAndSecret", apiKey: "AK-1" },
      secret: null,
    });
  });

  it("sends a new token account", () => {
    const form = { ...emptyAccountForm(), name: " Test ", secret: "tok" };
    expect(accountInputFrom(form)).toEqual({
      name: "Test",
      environment: { kind: "localSandbox" },
      credentialsKind: { kind: "apiToken" },
      secret: "tok",
    });
  });
});
