// The session every screen shares: the active environment (for the banner) and the accounts.
// Both load together, so the banner never shows before the account list is known.
import { call, toUiError, type UiError } from "./api";
import { commands, type AccountList, type ActiveEnvironment } from "./bindings";
import { clearRefdata } from "./refdata";

const state = $state<{
  loaded: boolean;
  environment: ActiveEnvironment | null;
  accounts: AccountList;
  error: UiError | null;
}>({
  loaded: false,
  environment: null,
  accounts: { accounts: [], activeAccountId: null },
  error: null,
});

/** The shared session state (reactive; read-only for screens). */
export const session: {
  readonly loaded: boolean;
  readonly environment: ActiveEnvironment | null;
  readonly accounts: AccountList;
  readonly error: UiError | null;
} = state;

/** Loads (or reloads) the banner and the accounts. */
export async function refreshSession(): Promise<void> {
  try {
    const [environment, accounts] = await Promise.all([
      call(commands.activeEnvironment()),
      call(commands.listAccounts()),
    ]);
    state.environment = environment;
    state.accounts = accounts;
    state.error = null;
  } catch (cause) {
    state.error = toUiError(cause);
  }
  state.loaded = true;
}

/** Reloads after the active account changed: reference data belongs to the old account. */
export async function accountChanged(): Promise<void> {
  clearRefdata();
  await refreshSession();
}
