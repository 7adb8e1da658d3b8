// The account form, described once for adding and editing: its state, the state of an existing
// account (the secret never comes back), and the `AccountInput` to send.
import type { Account, AccountInput, Environment, EnvironmentKind } from "../../lib/bindings";

/** What the account form edits. */
export type AccountFormState = {
  name: string;
  environment: EnvironmentKind;
  url: string;
  credentials: "apiToken" | "keyAndSecret";
  apiKey: string;
  secret: string;
};

/** The environments in the order the picker offers them. */
export const ENVIRONMENT_KINDS: EnvironmentKind[] = ["localSandbox", "vendorTest", "production", "custom"];

/** An empty form for a new account. */
export function emptyAccountForm(): AccountFormState {
  return { name: "", environment: "localSandbox", url: "", credentials: "apiToken", apiKey: "", secret: "" };
}

/** The form for editing `account`; the secret stays empty (empty keeps the saved one). */
export function accountFormFrom(account: Account): AccountFormState {
  return {
    name: account.name,
    environment: account.environment.kind,
    url: account.environment.kind === "custom" ? account.environment.url : "",
    credentials: account.credentialsKind.kind,
    apiKey: account.credentialsKind.kind === "keyAndSecret" ? account.credentialsKind.apiKey : "",
    secret: "",
  };
}

/** The environment the form describes. */
export function environmentOf(form: AccountFormState): Environment {
  return form.environment === "custom"
    ? { kind: "custom", url: form.url.trim() }
    : { kind: form.environment };
}

/** The input to send; on edit an empty secret is `null`, which keeps the saved one. */
export function accountInputFrom(form: AccountFormState): AccountInput {
  return {
    name: form.name.trim(),
    environment: environmentOf(form),
    credentialsKind:
      form.credentials === "keyAndSecret"
        ? { kind: "keyAndSecret", apiKey: form.apiKey.trim() }
        : { kind: "apiToken" },
    secret: form.secret === "" ? null : form.secret,
  };
}
